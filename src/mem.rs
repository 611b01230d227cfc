//! Memory policy for a short-lived process: transparent huge pages only for a large
//! repository (Linux only; elsewhere these do nothing).
//!
//! The allocator asks the kernel for transparent huge pages, and the first touch of each
//! 2 MiB page zeroes all of it. A check of 57 plans touches about 1 MiB: two huge pages cost
//! it about 0.2 ms of its 1.9 ms, where 4 KiB pages cost 0.1 ms. A large repository touches
//! tens of MiB, and there huge pages are cheaper (fewer faults). A 2 MiB region first touched as
//! 4 KiB pages stays so, so the choice is made early: the binary holds huge pages off from before its first
//! allocation ([`hold_huge_pages`]), and the walk lets them back on as soon as a folder
//! listing shows a large repository ([`listed`]), before its files are read.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// A repository with this many files listed so far is large.
pub const LARGE_FILES: usize = 256;
/// A folder with this many sub-folders means a large repository.
pub const LARGE_FOLDERS: usize = 16;

/// mimalloc's option `mi_option_purge_delay` (its number in `mimalloc.h`, v2): how long freed
/// memory waits before it goes back to the kernel (10 ms; -1 for never).
pub const MIMALLOC_PURGE_DELAY: std::ffi::c_int = 15;

static HELD: AtomicBool = AtomicBool::new(false);
static FILES_LISTED: AtomicUsize = AtomicUsize::new(0);

/// Holds transparent huge pages off for this process, until a listing shows a large
/// repository. For the binary, before its first allocation. Where they are off already
/// (the setting is inherited from the parent process), they are left off.
pub fn hold_huge_pages() {
    #[cfg(target_os = "linux")]
    {
        use rustix::thread::{
            disable_transparent_huge_pages as disable,
            transparent_huge_pages_are_disabled as disabled,
        };
        if disabled() == Ok(false) && disable(true).is_ok() {
            HELD.store(true, Ordering::Release);
        }
    }
}

/// Tells the policy what one folder listing held: huge pages come back on (if they were held
/// off) once the repository shows itself large.
pub fn listed(files: usize, folders: usize) {
    let so_far = FILES_LISTED.fetch_add(files, Ordering::Relaxed) + files;
    if is_large(so_far, folders) && HELD.swap(false, Ordering::AcqRel) {
        #[cfg(target_os = "linux")]
        let _ = rustix::thread::disable_transparent_huge_pages(false);
    }
}

/// Whether a repository is large, by the files listed so far and one listing's sub-folders.
fn is_large(files_so_far: usize, folders: usize) -> bool {
    files_so_far >= LARGE_FILES || folders >= LARGE_FOLDERS
}

/// Whether huge pages are held off now.
pub fn huge_pages_held() -> bool {
    HELD.load(Ordering::Acquire)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_repository_is_large_by_its_files_or_its_folders() {
        // This repository (57 plans in 3 goal folders) is small; the synthetic 10,000-plan
        // repository (100 goal folders) is large from its first listing.
        assert!(!super::is_large(59, 3));
        assert!(!super::is_large(255, 15));
        assert!(super::is_large(256, 0));
        assert!(super::is_large(2, 100));
    }
}
