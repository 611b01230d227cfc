//! Rules on yearly progress: `progress-setup` (the outline's period and scale),
//! `progress-enabled`, `progress-years`, `progress-status`, `progress-indicators`. Progress
//! is off until the outline sets it up; none of these says anything about data without it.

use unicode_normalization::UnicodeNormalization;

use super::Context;
use super::identity::Identity;
use super::rules::{
    PROGRESS_ENABLED, PROGRESS_INDICATORS, PROGRESS_SETUP, PROGRESS_STATUS, PROGRESS_YEARS,
};
use crate::diagnostic::{Diagnostic, Target};
use crate::messages::{Message, StatusHint};
use crate::model::{OUTLINE_PATH, Plan, ProgressSetup, Setup};

/// Every plan read, with its file (a second file named after the same plan is left to
/// `unique-ids`).
fn plans<'c>(ctx: &'c Context) -> impl Iterator<Item = (&'c str, &'c Plan)> {
    ctx.plans.iter().filter_map(|e| match (e.identity, e.plan) {
        (Identity::Twice { .. }, _) | (_, None) => None,
        (_, Some(plan)) => Some((e.doc.path.as_str(), plan)),
    })
}

/// The outline's progress section: each code of the scale once, a period that does not end
/// before it starts.
pub fn setup(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(setup) = ctx.outline.and_then(|o| o.setup()) else {
        return;
    };
    for (i, level) in setup.scale.iter().enumerate() {
        if setup.scale[..i].iter().any(|l| l.code == level.code) {
            out.push(PROGRESS_SETUP.report(
                OUTLINE_PATH,
                Target::Value(format!("/progress/scale/{i}/code")),
                Message::RepeatedLevel {
                    code: level.code.clone(),
                },
            ));
        }
    }
    let period = setup.period;
    // A year outside the years the schema allows is the schema's to report.
    let years = 2000..=2100;
    if period.to < period.from && years.contains(&period.from) && years.contains(&period.to) {
        out.push(PROGRESS_SETUP.report(
            OUTLINE_PATH,
            Target::Value("/progress/period/to".into()),
            Message::PeriodReversed {
                from: period.from,
                to: period.to,
            },
        ));
    }
}

/// A plan holds progress only once the outline sets it up (an outline whose `progress` the
/// schema rejects counts as set up: the schema has said what is wrong there).
pub fn enabled(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(outline) = ctx.outline else {
        return;
    };
    if outline.progress.is_some() {
        return;
    }
    for (path, plan) in plans(ctx) {
        if !plan.progress.is_empty() {
            out.push(PROGRESS_ENABLED.report(
                path,
                Target::Key("/progress".into()),
                Message::ProgressNotSetUp,
            ));
        }
    }
}

/// The set-up, when progress is on and the set-up is sound: a period in order within the
/// years the schema allows, 2 to 9 levels, each code and label written cleanly, no code twice.
/// A set-up with a mistake is reported in the outline (by the schema, `text-hygiene` or
/// `progress-setup`); until it is corrected, the plans are not held against it.
fn ready<'c>(ctx: &'c Context) -> Option<&'c ProgressSetup> {
    ctx.outline
        .and_then(|o| match &o.progress {
            Some(Setup::Ready(setup)) => Some(setup),
            _ => None,
        })
        .filter(|s| sound(s))
}

fn sound(setup: &ProgressSetup) -> bool {
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

/// Every year of progress is a year of the plan's period.
pub fn years(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(setup) = ready(ctx) else {
        return;
    };
    let period = setup.period;
    for (path, plan) in plans(ctx) {
        for entry in &plan.progress {
            // A key that is not a year is the schema's to report.
            if let Some(year) = entry.year()
                && !period.holds(year)
            {
                out.push(PROGRESS_YEARS.report(
                    path,
                    Target::Key(format!("/progress/{}", entry.year)),
                    Message::YearOutsidePeriod {
                        year,
                        from: period.from,
                        to: period.to,
                    },
                ));
            }
        }
    }
}

/// Every status is a code of the scale; a code written another way, or a level's label typed
/// instead of its code, is named.
pub fn status(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(setup) = ready(ctx) else {
        return;
    };
    let codes: Vec<String> = setup.scale.iter().map(|l| l.code.clone()).collect();
    for (path, plan) in plans(ctx) {
        for entry in &plan.progress {
            // Missing, not text or empty: the schema's to report.
            let Some(status) = entry.status.as_deref().filter(|s| !s.is_empty()) else {
                continue;
            };
            if codes.iter().any(|c| c == status) {
                continue;
            }
            out.push(PROGRESS_STATUS.report(
                path,
                Target::Value(format!("/progress/{}/status", entry.year)),
                Message::UnknownStatus {
                    status: status.to_string(),
                    codes: codes.clone(),
                    hint: hint(setup, status),
                },
            ));
        }
    }
}

/// Text folded for comparison: NFKC, upper case, no spaces.
fn fold(text: &str) -> String {
    text.nfkc()
        .flat_map(char::to_uppercase)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// What a status that is not a code most likely meant.
fn hint(setup: &ProgressSetup, status: &str) -> Option<StatusHint> {
    let folded = fold(status);
    if let Some(level) = setup.scale.iter().find(|l| fold(&l.code) == folded) {
        return Some(StatusHint::Code(level.code.clone()));
    }
    setup
        .scale
        .iter()
        .find(|l| fold(&l.label) == folded)
        .map(|l| StatusHint::Label {
            code: l.code.clone(),
            label: l.label.clone(),
        })
}

/// Every indicator has a unit. (A unit of spaces only is `text-hygiene`'s; a number that
/// cannot be read, too large for instance, is `json-syntax`'s; a value of the wrong type, the
/// schema's.)
pub fn indicators(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.outline.and_then(|o| o.progress.as_ref()).is_none() {
        return;
    }
    for (path, plan) in plans(ctx) {
        for entry in &plan.progress {
            for (i, indicator) in entry.indicators.iter().enumerate() {
                if indicator.unit.as_deref() == Some("") {
                    out.push(PROGRESS_INDICATORS.report(
                        path,
                        Target::Value(format!("/progress/{}/indicators/{i}/unit", entry.year)),
                        Message::EmptyUnit {
                            indicator: indicator.name.clone(),
                        },
                    ));
                }
            }
        }
    }
}
