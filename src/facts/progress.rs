//! What the rules on yearly progress share (`progress-enabled`, `progress-years`,
//! `progress-status`, `progress-indicators`): the plans that hold progress, and the outline's
//! set-up once it is usable. Progress is off until the outline sets it up; none of these
//! rules says anything about data without it.

use super::context::Context;
use super::identity::Identity;
use crate::model::{Plan, ProgressSetup, Setup};

/// Every plan read, with its file (a second file named after the same plan is left to
/// `unique-ids`).
pub fn plans<'c>(ctx: &'c Context) -> impl Iterator<Item = (&'c str, &'c Plan)> {
    ctx.plans.iter().filter_map(|e| match (e.identity, e.plan) {
        (Identity::Twice { .. }, _) | (_, None) => None,
        (_, Some(plan)) => Some((e.doc.path.as_str(), plan)),
    })
}

/// The set-up, when progress is on and the set-up is valid: a period in order within the
/// years the schema allows, 2 to 9 levels, each code and label written cleanly, no code twice.
/// A set-up with a mistake is reported in the outline (by the schema, `text-hygiene` or
/// `progress-setup`); until it is corrected, the plans are not held against it.
pub fn ready<'c>(ctx: &'c Context) -> Option<&'c ProgressSetup> {
    ctx.outline
        .and_then(|o| match &o.progress {
            Some(Setup::Ready(setup)) => Some(setup),
            _ => None,
        })
        .filter(|s| usable(s))
}

pub fn usable(setup: &ProgressSetup) -> bool {
    let years = 2000..=2100;
    let clean = |t: &str| {
        !t.is_empty()
            && t.trim() == t
            && unicode_normalization::is_nfc(t)
            && !t.chars().any(char::is_control)
    };
    let period = setup.period;
    years.contains(&period.from)
        && years.contains(&period.to)
        && period.from <= period.to
        && (2..=9).contains(&setup.scale.len())
        && setup.scale.iter().enumerate().all(|(i, l)| {
            clean(&l.code)
                && l.code.chars().count() <= 10
                && clean(&l.label)
                && setup.scale[..i].iter().all(|m| m.code != l.code)
        })
}
