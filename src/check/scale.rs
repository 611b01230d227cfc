//! What `check` does only because a repository may hold 100,000 plans, in one place, with
//! what each buys (measured with `bench/scale.sh` and `/usr/bin/time` on the synthetic
//! repositories of `examples/synth.rs`; figures in bench/README.md):
//!
//! - **Texts are not kept.** Once a file's own rules have run, its text is dropped unless it
//!   has a diagnostic ([`KeepTexts`]); its length and hash ([`Digest`]) stay, and
//!   [`read_back`] reads it again should a cross-file rule speak of it. Peak memory of a
//!   check of 100,000 plans: 88 MiB instead of 110 MiB; with three years of progress in each,
//!   172 MiB instead of 260 MiB.
//! - **What was checked is not freed.** The binary ends the process once everything is
//!   written ([`commands::Ended`](crate::commands::Ended)): freeing 100,000 checked files,
//!   allocated on other threads, takes 19–59 ms, longer than everything after the check.
//!
//! Nothing else exists for scale alone: the walk lists folders with `std::fs::read_dir` (a
//! second listing over `getdents` was no faster: 251 ms against 222 ms summed over the same
//! runs) and the rest is the ordinary code run on every core.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Target};
use crate::facts::docs::Docs;
use crate::facts::document::Digest;
use crate::par;
use crate::repo;

/// Which files' texts a check keeps once their own rules have run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeepTexts<'r> {
    /// Every file's (files already in memory, which cannot be read again).
    Every,
    /// Only the texts of files with a diagnostic: the others are read again from the
    /// repository at this root ([`read_back`]) should a cross-file rule speak of them.
    WithDiagnostics(&'r Path),
}

/// Reads again the text of each file that a diagnostic is to be placed in but whose text was
/// not kept (only a cross-file rule can speak of such a file). A file that is no longer what
/// was checked (changed meanwhile, or gone) keeps no text: its diagnostics name the file
/// without a line.
pub fn read_back(root: &Path, docs: &mut Docs, diagnostics: &[Diagnostic]) {
    // Every diagnostic that is to get a line needs its file's text (today only pointers are
    // placed here; the parse's own `At` diagnostics are in files whose text was kept).
    let mut wanted: Vec<&str> = diagnostics
        .iter()
        .filter(|d| !matches!(d.target, Target::File))
        .map(|d| d.file.as_str())
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let wanted: Vec<(usize, Digest, &str)> = wanted
        .into_iter()
        .filter_map(|path| {
            let position = docs.position(path)?;
            Some((position, docs.get(position)?.dropped?, path))
        })
        .collect();
    let texts: Vec<(usize, Option<String>)> =
        par::map_ref(&wanted, par::THRESHOLD, |&(position, digest, path)| {
            // The path's parts joined one by one: `/` is no separator under a `\\?\` root.
            let file = path
                .split('/')
                .fold(root.to_path_buf(), |p, part| p.join(part));
            let text = crate::safe_io::read(&file, repo::MAX_FILE_BYTES)
                .ok()
                .filter(|bytes| Digest::of(bytes) == digest)
                .and_then(|bytes| String::from_utf8(bytes).ok());
            (position, text)
        });
    for (position, text) in texts {
        if let Some(doc) = docs.get_mut(position) {
            doc.text = text;
            doc.dropped = None;
        }
    }
}
