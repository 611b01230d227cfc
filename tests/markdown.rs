//! The Markdown that GitHub shows (the report `charts/README.md`, `progress --format
//! markdown`, `diff --format markdown` and the pull-request comment made from it) read back
//! with comrak, a CommonMark parser with GitHub's extensions (autolinks, tables, footnotes,
//! strikethrough, math): with hostile data (`common::hostile`, fictional), the only links,
//! images and HTML are the tool's own, and no text holds an `@` that GitHub would turn into a
//! mention or an e-mail link, whatever the data wrote (`@team`, `&commat;team`, `&#64;team`).

mod common;

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, parse_document};

use common::{commit_all, make_hostile, with_progress};

/// What GitHub would make of a Markdown text.
#[derive(Debug, Default)]
struct Read {
    links: Vec<String>,
    images: Vec<String>,
    html: Vec<String>,
    footnotes: usize,
    text: String,
}

fn read(markdown: &str) -> Read {
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.autolink = true;
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.footnotes = true;
    options.extension.tasklist = true;
    options.extension.math_dollars = true;
    let root = parse_document(&arena, markdown, &options);
    let mut read = Read::default();
    for node in root.descendants() {
        match &node.data().value {
            NodeValue::Link(link) => read.links.push(link.url.clone()),
            NodeValue::Image(link) => read.images.push(link.url.clone()),
            NodeValue::HtmlInline(html) => read.html.push(html.clone()),
            NodeValue::HtmlBlock(block) => read.html.push(block.literal.trim().to_string()),
            NodeValue::FootnoteReference(_) | NodeValue::FootnoteDefinition(_) => {
                read.footnotes += 1
            }
            NodeValue::Text(text) => {
                read.text.push_str(text);
                read.text.push('\n');
            }
            _ => {}
        }
    }
    read
}

/// Nothing the data holds acts: links only to the report's own headings and chart files,
/// images only of its charts, HTML only its own line breaks and comment, no footnote, and no
/// `@` for a mention or an e-mail link.
fn assert_inert(what: &str, markdown: &str) {
    let read = read(markdown);
    for url in &read.links {
        assert!(
            url.starts_with('#') || (url.ends_with(".png") && !url.contains(':')),
            "{what}: a link to {url:?}\n{markdown}"
        );
    }
    for url in &read.images {
        assert!(
            url.ends_with(".svg") && !url.contains(':'),
            "{what}: an image of {url:?}"
        );
    }
    for html in &read.html {
        assert!(
            html == "<br>" || (html.starts_with("<!-- ") && html.ends_with(" -->")),
            "{what}: HTML {html:?}"
        );
    }
    assert_eq!(read.footnotes, 0, "{what}");
    assert!(!read.text.contains('@'), "{what}: an @ in\n{}", read.text);
    assert_no_reference(what, &read.text);
}

/// No issue reference GitHub would link in the shown text: `#12`, `owner/repo#3`, `GH-12`.
fn assert_no_reference(what: &str, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    for (i, w) in chars.windows(2).enumerate() {
        assert!(
            !(w[0] == '#' && w[1].is_ascii_alphanumeric()),
            "{what}: a reference at {}",
            chars[i.saturating_sub(8)..(i + 4).min(chars.len())]
                .iter()
                .collect::<String>()
        );
    }
    assert!(
        !text.to_uppercase().contains("GH-1"),
        "{what}: GH-1 in\n{text}"
    );
}

/// The report, the year's progress and the pull request's summary of hostile data.
#[test]
fn hostile_data_stays_text_in_every_markdown_output() {
    let f = with_progress();
    commit_all(&f);
    make_hostile(&f);
    let mut outputs = Vec::new();
    for args in [
        &["report", "--stdout"][..],
        &[
            "--lang", "ja", "progress", "--year", "2026", "--format", "markdown",
        ],
        &[
            "--lang", "en", "progress", "--year", "2026", "--format", "markdown",
        ],
        &["--lang", "ja", "diff", "main", "--format", "markdown"],
        &["--lang", "en", "diff", "main", "--format", "markdown"],
    ] {
        let run = f.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_inert(&args.join(" "), &run.stdout);
        outputs.push(format!("$ plans {}\n{}", args.join(" "), run.stdout));
    }
    // Every value the data holds is still there, as text.
    let report = read(&f.run(&["report", "--stdout"]).stdout).text;
    for value in [
        "[架空](https://example.invalid/) ![画像](https://example.invalid/a.png) <img src=x onerror=alert(1)>",
        "=HYPERLINK(\"https://example.invalid/\",\"架空\")",
    ] {
        assert!(
            report.contains(value),
            "{value} is not in the report's text"
        );
    }
    insta::assert_snapshot!("hostile_markdown", outputs.join("\n"));
}

/// The lines of `.github/workflows/pr-comment.yml` that filter the summary before it is posted
/// (the `sed` after `head -c 60000 plan-diff/summary.md`), as one shell command.
fn comment_filter() -> String {
    let workflow = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/pr-comment.yml"),
    )
    .unwrap();
    let start = workflow
        .find("head -c 60000 plan-diff/summary.md")
        .expect("the comment's head -c");
    let rest = &workflow[start..];
    let pipe = rest.find("| sed").expect("the comment's sed");
    let end = rest
        .find("; } > body.md")
        .expect("the end of the comment's filter");
    rest[pipe + 1..end]
        .lines()
        .map(|l| l.trim().trim_end_matches('\\').trim())
        .collect::<Vec<_>>()
        .join(" ")
}

fn filtered(markdown: &str) -> String {
    let mut child = std::process::Command::new("sh")
        .arg("-c")
        .arg(comment_filter())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("sh");
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(markdown.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

/// The comment's summary comes from the pull request's own run, which a fork can change: the
/// filter makes any Markdown inert, and leaves the tool's own summary readable.
#[test]
fn the_pull_request_comment_makes_any_markdown_inert() {
    let attack = "## 計画の変更\n\n\
        [x](https://example.invalid/) ![y](https://example.invalid/a.png) [z][1] [^1]\n\n\
        [1]: https://example.invalid/\n\
        [^1]: 脚注\n\n\
        <img src=x onerror=alert(1)> <https://example.invalid/> <a href=\"https://example.invalid/\">a</a>\n\n\
        https://example.invalid/ www.example.invalid WWW.example.invalid ftp://example.invalid/\n\n\
        @team \\@team &commat;team &#64;team \\&#64;team kakuu@example.invalid\n\n\
        \\[x\\](https\\://example.invalid/) www\\.example.invalid\n\n\
        #12 octo/repo#3 \\#4 GH-12 gh-1\n";
    let shown = filtered(attack);
    let read = read(&shown);
    assert!(read.links.is_empty(), "{:?}\n{shown}", read.links);
    assert!(read.images.is_empty(), "{:?}", read.images);
    assert!(read.html.is_empty(), "{:?}", read.html);
    assert_eq!(read.footnotes, 0);
    assert!(!read.text.contains('@'), "{}", read.text);
    assert!(!read.text.contains("&#"), "{}", read.text);
    assert_no_reference("the comment", &read.text);

    // The tool's own summary of hostile data keeps its headings, list and table.
    let f = with_progress();
    commit_all(&f);
    make_hostile(&f);
    let summary = f.run(&["--lang", "ja", "diff", "main", "--format", "markdown"]);
    let comment = filtered(&summary.stdout);
    assert_inert("the comment", &comment);
    insta::assert_snapshot!("pull_request_comment", format!("{shown}\n---\n{comment}"));
}
