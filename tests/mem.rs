//! The memory policy (`plans::mem`) in a process of its own: holding huge pages off changes
//! the whole process, so no other test may run beside it.

#[cfg(target_os = "linux")]
#[test]
fn huge_pages_come_back_once_a_listing_shows_a_large_repository() {
    use plans::mem;
    use rustix::thread::transparent_huge_pages_are_disabled as disabled;
    if disabled().unwrap() {
        // Inherited from the process that started the tests: the policy leaves it alone.
        mem::hold_huge_pages();
        assert!(!mem::huge_pages_held());
        mem::listed(2, 100);
        assert!(disabled().unwrap());
        return;
    }
    mem::hold_huge_pages();
    assert!(mem::huge_pages_held());
    assert!(disabled().unwrap());
    // A small repository: 2 files at the top, 3 goal folders, 19 plans in one of them.
    mem::listed(2, 3);
    mem::listed(19, 0);
    assert!(disabled().unwrap());
    // A listing with many sub-folders is a large repository.
    mem::listed(2, 100);
    assert!(!mem::huge_pages_held());
    assert!(!disabled().unwrap());
    // Once released, they stay released.
    mem::listed(0, 0);
    assert!(!disabled().unwrap());
}

// The binary sets mimalloc's purge delay by the option's number: this is that option.
use mimalloc as _;
unsafe extern "C" {
    fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
}

#[test]
fn the_purge_delay_option_is_the_one_the_binary_sets() {
    // mimalloc's default purge delay is 10 ms; the options either side default to 1 and 0.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        assert_eq!(
            unsafe { mi_option_get(plans::mem::MIMALLOC_PURGE_DELAY) },
            10
        );
    }
}
