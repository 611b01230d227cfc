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
use crate::model::{Level, PlanId};
use crate::progress::Standing;
use crate::publish::Publication;

const STYLE: &str = include_str!("site.css");
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
/// page (`year-2026.html`), then `index.html`, which shows `p`. Every page links to every
/// year's, so earlier years' results stay published when the next year opens.
pub fn outputs(
    p: &Publication,
    years: &[YearPage],
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
    for y in years {
        let shown = y.publication.latest.as_ref().map(|l| l.year);
        outputs.push(Output {
            path: y.path.clone(),
            bytes: page(&y.publication, &links(shown)).into_bytes(),
        });
    }
    let shown = p.latest.as_ref().map(|l| l.year);
    outputs.push(Output {
        path: "index.html".into(),
        bytes: page(p, &links(shown)).into_bytes(),
    });
    outputs
}

/// The page's template, `page.html` beside this file: every value it shows escaped by
/// [`crate::output::html`].
#[derive(Template)]
#[template(path = "page.html", config = "src/site/askama.toml")]
struct Page<'a> {
    p: &'a Publication<'a>,
    /// The years with a page, when there are two or more.
    years: &'a [YearLink],
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

/// The page.
pub fn page(p: &Publication, years: &[YearLink]) -> String {
    let mut s = String::new();
    // Writing into a String cannot fail, and no value the page shows can fail to be written
    // (the template has no filter that fails).
    let _ = Page {
        p,
        years,
        style: STYLE,
        script: SCRIPT,
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
