//! Every JSON file found, in path order (whether or not it could be read or parsed), kept in
//! the runs the walk made them in (one per folder, or part of one): 100,000 results are never
//! copied into one vector (16 MB of fresh memory, which the kernel must zero, and a copy).

use super::document::Checked;

/// Every JSON file found, in path order, as runs of that order.
#[derive(Debug, Default)]
pub struct Docs {
    /// Each run is non-empty and in path order, and each run's paths come before the next's.
    runs: Vec<Vec<Checked>>,
    /// The position of each run's first file among all the files.
    starts: Vec<usize>,
    len: usize,
}

impl Docs {
    /// Takes runs of path order in any order (folders walked side by side finish in any
    /// order). If they do not make one path order together (which the walk never hands
    /// back), they are merged into one sorted run, so lookups by path stay right.
    pub fn from_runs(mut runs: Vec<Vec<Checked>>) -> Docs {
        runs.retain(|run| !run.is_empty());
        runs.sort_by(|a, b| a[0].path.cmp(&b[0].path));
        let ordered = runs
            .iter()
            .all(|run| run.is_sorted_by(|a, b| a.path < b.path))
            && runs
                .windows(2)
                .all(|pair| pair[0][pair[0].len() - 1].path < pair[1][0].path);
        if !ordered {
            // Not empty: an empty list of runs is in order.
            let mut all: Vec<Checked> = runs.into_iter().flatten().collect();
            all.sort_by(|a, b| a.path.cmp(&b.path));
            runs = vec![all];
        }
        let mut starts = Vec::with_capacity(runs.len());
        let mut len = 0;
        for run in &runs {
            starts.push(len);
            len += run.len();
        }
        Docs { runs, starts, len }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every file, in path order.
    pub fn iter(&self) -> impl Iterator<Item = &Checked> + Clone {
        self.runs.iter().flatten()
    }

    /// The file at position `i` in path order.
    pub fn get(&self, i: usize) -> Option<&Checked> {
        let (run, at) = self.locate(i)?;
        self.runs[run].get(at)
    }

    /// The file at position `i` in path order, to change.
    pub fn get_mut(&mut self, i: usize) -> Option<&mut Checked> {
        let (run, at) = self.locate(i)?;
        self.runs[run].get_mut(at)
    }

    /// The position of the file at `path`, in path order.
    pub fn position(&self, path: &str) -> Option<usize> {
        // The last run whose first path is not after `path`.
        let run = self
            .runs
            .partition_point(|run| run[0].path.as_str() <= path)
            .checked_sub(1)?;
        let at = self.runs[run]
            .binary_search_by(|doc| doc.path.as_str().cmp(path))
            .ok()?;
        Some(self.starts[run] + at)
    }

    /// The file at `path`.
    pub fn find(&self, path: &str) -> Option<&Checked> {
        self.get(self.position(path)?)
    }

    /// Which run holds position `i`, and where in it.
    fn locate(&self, i: usize) -> Option<(usize, usize)> {
        if i >= self.len {
            return None;
        }
        let run = self.starts.partition_point(|&start| start <= i) - 1;
        Some((run, i - self.starts[run]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::document::Content;
    use crate::model::Kind;

    fn doc(path: &str) -> Checked {
        Checked {
            path: path.to_string(),
            text: None,
            dropped: None,
            kind: Kind::of_path(path),
            content: Content::SetAside,
            valid: true,
            id: None,
            in_place: false,
        }
    }

    fn run(paths: &[&str]) -> Vec<Checked> {
        paths.iter().map(|p| doc(p)).collect()
    }

    fn paths(docs: &Docs) -> Vec<&str> {
        docs.iter().map(|d| d.path.as_str()).collect()
    }

    #[test]
    fn runs_in_any_order_read_as_one_path_order() {
        let docs = Docs::from_runs(vec![
            run(&["plans/goal-2/2-1-1.json", "plans/goal-2/2-1-2.json"]),
            Vec::new(),
            run(&["plans/departments.json"]),
            run(&["plans/goal-1/1-1-1.json"]),
            run(&["plans/outline.json"]),
        ]);
        let all = [
            "plans/departments.json",
            "plans/goal-1/1-1-1.json",
            "plans/goal-2/2-1-1.json",
            "plans/goal-2/2-1-2.json",
            "plans/outline.json",
        ];
        assert_eq!(paths(&docs), all);
        assert_eq!(docs.len(), 5);
        for (i, path) in all.iter().enumerate() {
            assert_eq!(docs.position(path), Some(i), "{path}");
            assert_eq!(docs.get(i).map(|d| d.path.as_str()), Some(*path));
        }
        assert_eq!(docs.get(5).map(|d| d.path.as_str()), None);
        for absent in [
            "plans/a.json",
            "plans/goal-1/1-1-0.json",
            "plans/z.json",
            "",
        ] {
            assert_eq!(docs.position(absent), None, "{absent}");
        }
    }

    #[test]
    fn runs_that_overlap_are_merged_and_sorted() {
        // Not what the walk hands back; the lookups by path must hold all the same.
        let docs = Docs::from_runs(vec![
            run(&["plans/b.json", "plans/d.json"]),
            run(&["plans/a.json", "plans/c.json"]),
            run(&["plans/f.json", "plans/e.json"]),
        ]);
        let all = [
            "plans/a.json",
            "plans/b.json",
            "plans/c.json",
            "plans/d.json",
            "plans/e.json",
            "plans/f.json",
        ];
        assert_eq!(paths(&docs), all);
        for (i, path) in all.iter().enumerate() {
            assert_eq!(docs.position(path), Some(i), "{path}");
        }
    }

    #[test]
    fn no_runs_are_no_files() {
        let docs = Docs::from_runs(Vec::new());
        assert!(docs.is_empty());
        assert_eq!(docs.find("plans/a.json").map(|d| d.path.as_str()), None);
    }
}
