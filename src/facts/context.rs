//! What the rules across files see: every file, the outline, the register and each plan file
//! with what it stands for.

use super::docs::Docs;
use super::document::Content;
use super::identity;
use super::structure;
use crate::model::{Kind, Outline, Register};
use crate::repo::Stray;

/// The outline and the register at their places, where their content has their shape.
pub fn outline_and_register(docs: &Docs) -> (Option<&Outline>, Option<&Register>) {
    let mut outline = None;
    let mut register = None;
    for doc in docs.iter() {
        match (&doc.kind, &doc.content) {
            (Kind::Outline, Content::Outline(o)) => outline = o.as_ref(),
            (Kind::Register, Content::Register(r)) => register = r.as_ref(),
            _ => {}
        }
    }
    (outline, register)
}

/// What the cross-file rules see: every file, the outline and the register if they could be
/// read, and each plan file with what it is ([`identity::PlanEntry`]).
pub struct Context<'a> {
    pub docs: &'a Docs,
    /// The outline at its place, if its content has the outline's shape.
    pub outline: Option<&'a Outline>,
    /// The outline's goal and action-area numbers, if they run 1..n as they should (plans
    /// are compared with the outline only then; `numbering` reports it otherwise).
    pub areas: Option<identity::Areas>,
    /// The register at its place, if its content has the register's shape.
    pub register: Option<&'a Register>,
    pub plans: Vec<identity::PlanEntry<'a>>,
    /// What the plan files stand for in the outline's action areas (when `areas` is known).
    pub present: Option<structure::Present>,
    /// Part of `plans/` could not be read (a link, a pipe, a folder that cannot be listed or
    /// is too deep): rules that need every plan (`numbering`, `counts`,
    /// `unused-departments`) wait until `file-read` is satisfied.
    pub hidden: bool,
}

impl<'a> Context<'a> {
    pub fn new(docs: &'a Docs, strays: &[(String, Stray)]) -> Context<'a> {
        let (outline, register) = outline_and_register(docs);
        let areas = outline.and_then(identity::Areas::of);
        let plans = identity::identify(docs, areas.as_ref());
        let present = areas
            .as_ref()
            .map(|areas| structure::Present::of(&plans, areas));
        let hidden = strays.iter().any(|(_, s)| *s != Stray::NonJson);
        Context {
            docs,
            outline,
            areas,
            register,
            plans,
            present,
            hidden,
        }
    }

    /// Every plan file was read, parsed and passed its own rules.
    pub fn plans_valid(&self) -> bool {
        self.plans.iter().all(|e| e.doc.valid)
    }

    /// Some goal has fewer plans than the outline expects.
    pub fn plans_missing(&self) -> bool {
        let (Some(outline), Some(present)) = (self.outline, &self.present) else {
            return false;
        };
        outline
            .goals
            .iter()
            .any(|g| (present.count(g.number) as u64) < g.expected_plans)
    }
}
