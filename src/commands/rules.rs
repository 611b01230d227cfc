//! `plans rules [--format markdown]`: the reference of every rule, printed from the registry
//! (its id, severity, summary and fix, and in Markdown the guide's words for staff). The
//! guide's rule section is this command's Markdown, written into marked regions of the docs
//! (`tests/docs.rs` fails when they differ and says how to rewrite them).

use super::{Exit, Stop, Streams};
use crate::diagnostic::Severity;
use crate::messages::{Lang, RulesWords};
use crate::render::Format;
use crate::rules::{RULES, Rule};

/// How `plans rules` prints: `Human` for a terminal (each rule's id, then its summary and fix,
/// indented); `Markdown` the guide's section (the introduction, then a heading per rule with its
/// summary, fix and, in Japanese, the guide's words). (Not on the variants: `clap::ValueEnum`
/// would take a variant's doc comment for the value's help, which completions show.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    Human,
    Markdown,
}

/// What `plans rules` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub format: RulesFormat,
    pub lang: Lang,
}

/// Prints the reference: exit 0, or 2 when it cannot be written.
pub fn run(options: &Options, streams: &mut Streams) -> Exit {
    let text = reference(options.format, options.lang);
    let result = streams
        .out
        .write_all(text.as_bytes())
        .map(|()| Exit::Ok)
        .map_err(Stop::Output);
    super::finish(result, Format::Human, options.lang, streams)
}

/// The reference of every rule in the registry, in one format and language.
pub fn reference(format: RulesFormat, lang: Lang) -> String {
    let words = &lang.catalogue().rules;
    let mut out = String::new();
    match format {
        RulesFormat::Human => {
            for (i, rule) in RULES.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                let (summary, fix) = words_of(rule, lang);
                out.push_str(&format!(
                    "{}{}\n  {}: {summary}\n  {}: {fix}\n",
                    rule.id,
                    warning(rule, words),
                    words.ensures,
                    words.fix
                ));
            }
        }
        RulesFormat::Markdown => {
            out.push_str(&(words.intro)(RULES.len()));
            out.push('\n');
            for rule in RULES {
                let (summary, fix) = words_of(rule, lang);
                out.push_str(&format!(
                    "\n### `{}`{}\n- {}: {summary}\n- {}: {fix}\n",
                    rule.id,
                    warning(rule, words),
                    words.ensures,
                    words.fix
                ));
                if lang == Lang::Ja {
                    out.push('\n');
                    out.push_str(rule.guide);
                    out.push('\n');
                }
            }
        }
    }
    out
}

fn words_of(rule: &Rule, lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Ja => (rule.summary.ja, rule.fix.ja),
        Lang::En => (rule.summary.en, rule.fix.en),
    }
}

fn warning(rule: &Rule, words: &RulesWords) -> &'static str {
    match rule.severity {
        Severity::Error => "",
        Severity::Warning => words.warning,
    }
}
