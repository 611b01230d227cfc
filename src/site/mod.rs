//! The public page: `index.html` with its style and script inline, the charts as SVG beside
//! it, and `plans.csv` and `plans.json` to download. Nothing is fetched from elsewhere, so the
//! folder works from the file system and from any static host. In Japanese (`lang="ja"`).
//!
//! The page works without its script (every plan shown); the script adds the filters by goal,
//! by department and by text (`site.js`).
//!
//! The page is the askama template `page.html` (compiled into the binary): every value from the
//! data is escaped by the project's one HTML escaper, [`crate::output::html`], which
//! `askama.toml` sets as the template's escaper.

use askama::Template;

use crate::generated::Output;
use crate::model::{Level, Plan, PlanId};
use crate::progress::{Standing, YearReport};
use crate::publish::{History, PlanSheet, Publication};

/// The main pages' style: what every page shares, then their own.
const STYLE: &str = concat!(include_str!("base.css"), include_str!("site.css"));
/// The plans' pages' style, written once beside them as `plan/style.css`.
const PLAN_STYLE: &str = concat!(include_str!("base.css"), include_str!("plan.css"));
const SCRIPT: &str = include_str!("site.js");

/// The page of one year's progress other than the one `index.html` shows, and its file.
pub struct YearPage<'a> {
    pub year: i64,
    pub path: String,
    pub publication: Publication<'a>,
}

/// A link from a page to a year's page.
pub struct YearLink {
    pub year: i64,
    pub href: String,
    /// The year the page shows.
    pub current: bool,
}

/// The files of the site, relative to its folder: the charts, the data, each other year's
/// page (`year-2026.html`: that year's progress and plan table, and a link to `index.html`
/// for the rest), then `index.html`, which shows `p`. Every page links to every year's, so
/// earlier years' results stay published when the next year opens.
pub fn outputs(
    p: &Publication,
    years: &[YearPage],
    shared: &Shared,
    charts: Vec<Output>,
    csv: Vec<u8>,
    json: Vec<u8>,
) -> Vec<Output> {
    let mut all: Vec<(i64, String)> = years.iter().map(|y| (y.year, y.path.clone())).collect();
    if let Some(shown) = &p.latest {
        all.push((shown.year, "index.html".to_string()));
    }
    all.sort();
    let links = |shown: Option<i64>| -> Vec<YearLink> {
        if all.len() < 2 {
            return Vec::new();
        }
        all.iter()
            .map(|(year, href)| YearLink {
                year: *year,
                href: href.clone(),
                current: Some(*year) == shown,
            })
            .collect()
    };
    // The pages last: a write that fails part way never leaves a new page without its files.
    let mut outputs = charts;
    outputs.push(Output {
        path: "plans.csv".into(),
        bytes: csv,
    });
    outputs.push(Output {
        path: "plans.json".into(),
        bytes: json,
    });
    if !shared.sheets.is_empty() {
        outputs.push(Output {
            path: format!("{PLAN_FOLDER}/style.css"),
            bytes: PLAN_STYLE.as_bytes().to_vec(),
        });
    }
    for sheet in &shared.sheets {
        outputs.push(Output {
            path: plan_path(sheet.id),
            bytes: plan_page(sheet, p.title, shared.owner).into_bytes(),
        });
    }
    for y in years {
        let shown = y.publication.latest.as_ref().map(|l| l.year);
        outputs.push(Output {
            path: y.path.clone(),
            bytes: page(&y.publication, &links(shown), shared, true).into_bytes(),
        });
    }
    let shown = p.latest.as_ref().map(|l| l.year);
    outputs.push(Output {
        path: "index.html".into(),
        bytes: page(p, &links(shown), shared, false).into_bytes(),
    });
    outputs
}

/// The folder of the plans' own pages.
pub const PLAN_FOLDER: &str = "plan";

/// A plan's own page, relative to the site's folder: `plan/1-2-3.html`.
pub fn plan_path(id: PlanId) -> String {
    format!("{PLAN_FOLDER}/{id}.html")
}

/// The link from the main page to a plan's own page.
pub fn plan_href(id: &PlanId) -> String {
    plan_path(*id)
}

/// What every page of a site shows alike: every year side by side, and each plan's page.
pub struct Shared<'a> {
    /// Every year with progress (none, or one, shows no table of years).
    pub history: Option<History<'a>>,
    /// Each plan's page (none while progress is not set up).
    pub sheets: Vec<PlanSheet<'a>>,
    /// The section that owns the plan (the outline's `owner`), who writes the section's
    /// comments.
    pub owner: Option<&'a str>,
}

/// The page's template, `page.html` beside this file: every value it shows escaped by
/// [`crate::output::html`].
#[derive(Template)]
#[template(path = "page.html", config = "src/site/askama.toml")]
struct Page<'a> {
    p: &'a Publication<'a>,
    shared: &'a Shared<'a>,
    /// The years with a page, when there are two or more.
    years: &'a [YearLink],
    /// A year's page other than `index.html`: its progress and plan table only, the rest
    /// being the same on every page and shown once, on `index.html`.
    year_page: bool,
    style: &'static str,
    script: &'static str,
}

impl Page<'_> {
    /// A plan's status in the year shown: `None` while no year has progress, `Some(None)`
    /// when the plan is not one of that year (added later, ended before), `Some(Some(Err(())))`
    /// when it did not report it.
    fn status(&self, id: &PlanId) -> Option<Option<Result<&Level, ()>>> {
        self.p
            .latest
            .as_ref()
            .map(|latest| match latest.standing(*id) {
                Standing::Reported(level) => Some(Ok(level)),
                Standing::Unreported => Some(Err(())),
                Standing::NotActive => None,
            })
    }
}

impl Page<'_> {
    /// Whether the page shows every year side by side (two or more years have progress).
    fn history_shown(&self) -> bool {
        self.shared
            .history
            .as_ref()
            .is_some_and(|h| h.reports.len() > 1)
    }

    /// The start of a plan's results in the year shown, for the plan table.
    fn excerpt(&self, plan: &Plan) -> Option<String> {
        let year = self.p.latest.as_ref()?.year;
        let entry = plan.progress.iter().find(|e| e.year() == Some(year))?;
        Some(crate::publish::excerpt(&entry.summary, EXCERPT))
    }
}

/// How many characters of a plan's results the plan table shows.
const EXCERPT: usize = 40;

/// A plan's status in one year's report, as the table of years says it: its class, its code
/// and its label; 「未報告」 or 「対象外」 (a plan added later or ended before) without a code.
pub fn standing_words<'r>(report: &'r YearReport, id: &PlanId) -> (&'static str, &'r str, &'r str) {
    match report.standing(*id) {
        Standing::Reported(level) => ("reported", &level.code, &level.label),
        Standing::Unreported => ("unreported", "", "未報告"),
        Standing::NotActive => ("inactive", "", "対象外"),
    }
}

/// The page: `index.html`, or with `year_page` another year's page.
pub fn page(p: &Publication, years: &[YearLink], shared: &Shared, year_page: bool) -> String {
    let mut s = String::new();
    // Writing into a String cannot fail, and no value the page shows can fail to be written
    // (the template has no filter that fails).
    let _ = Page {
        p,
        shared,
        years,
        year_page,
        style: STYLE,
        script: SCRIPT,
    }
    .render_into(&mut s);
    s
}

/// A plan's own page's template, `plan.html` beside this file.
#[derive(Template)]
#[template(path = "plan.html", config = "src/site/askama.toml")]
struct PlanPage<'a> {
    s: &'a PlanSheet<'a>,
    /// The document's title.
    title: &'a str,
    owner: Option<&'a str>,
    /// The main page, from the site's folder.
    home: &'static str,
}

/// A plan's own page (個票).
pub fn plan_page(sheet: &PlanSheet, title: &str, owner: Option<&str>) -> String {
    let mut s = String::new();
    let _ = PlanPage {
        s: sheet,
        title,
        owner,
        home: "index.html",
    }
    .render_into(&mut s);
    s
}

#[cfg(test)]
mod tests {
    /// Only the page's own style and script are written without escaping; nothing from the
    /// data is.
    #[test]
    fn only_the_pages_own_style_and_script_are_unescaped() {
        let template = include_str!("page.html");
        let unescaped: Vec<&str> = template
            .match_indices("|safe")
            .map(|(at, _)| &template[template[..at].rfind("{{").unwrap_or(0)..at])
            .collect();
        assert_eq!(unescaped, ["{{ style", "{{ script"]);
        assert!(!template.contains("|escape(") && !template.contains("|e("));
    }
}
