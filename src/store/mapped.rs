//! Bounds the pages of pack indexes a long read keeps mapped.
//!
//! libgit2 maps each pack's `.idx` whole and keeps it mapped while the
//! repository is open. Every object lookup is a binary search in it, and
//! the kernel maps 64 KiB around each page fault, so a few thousand lookups
//! (a year of stats over 1,000 members reads that many trees) leave the
//! whole index resident: 113 MB of a 4-million-object pack, counted in the
//! process's memory though the pages belong to the page cache. Packs
//! themselves are bounded by libgit2's window limit (`lib.rs`); indexes
//! have none, so a long read asks the kernel, every few dozen lookups, to
//! drop the index pages it has mapped. They stay in the page
//! cache: the next lookup maps them again from memory, not from disk.
//! The mapping itself stays, so libgit2 sees nothing change. Indexes
//! smaller than 32 MiB together are left mapped: dropping them costs more
//! than it saves.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Object lookups between two releases: a lookup maps about three new
/// 64 KiB runs of a big index, so this keeps a few MiB of it mapped.
const EVERY: usize = 64;

static LOOKUPS: AtomicUsize = AtomicUsize::new(0);

/// Pack indexes mapped together smaller than this are left alone: their
/// pages cost less than dropping and faulting them in again (on 200
/// members x 750 workdays, a 23 MB index, releasing made the first `team`
/// 0.5 s instead of 0.34 s, for 15 MiB). `ASYNC_UP_DEBUG_INDEX_FLOOR`
/// (bytes) lowers it, so tests on small repos exercise the release.
const FLOOR: usize = 32 << 20;

/// Set once the mapped indexes were found smaller than the floor.
static SMALL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn floor() -> usize {
    std::env::var("ASYNC_UP_DEBUG_INDEX_FLOOR")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(FLOOR)
}

/// How many [`Threads`] guards are alive: while any is, nothing is released.
static THREADS: AtomicUsize = AtomicUsize::new(0);

/// Held while several threads may use libgit2 at once (the fetches of
/// several teams): between reading the maps and the madvise, another
/// thread could unmap an index and the address be reused for memory of
/// its own, which MADV_DONTNEED would wipe. Releasing waits until reads
/// are back on one thread.
pub struct Threads(());

impl Threads {
    pub fn start() -> Self {
        THREADS.fetch_add(1, Ordering::SeqCst);
        Threads(())
    }
}

impl Drop for Threads {
    fn drop(&mut self) {
        THREADS.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Notes `n` object lookups about to be made, releasing the indexes'
/// pages every [`EVERY`] of them. Counted, not timed, so a read of a few
/// files (`team`, `write`) never pays for it.
pub fn lookups(n: usize) {
    let before = LOOKUPS.fetch_add(n, Ordering::Relaxed);
    if due(before, n, THREADS.load(Ordering::SeqCst)) && !SMALL.load(Ordering::Relaxed) {
        release_pack_indexes();
    }
}

/// Whether `n` lookups after `before` cross a multiple of [`EVERY`] while
/// no [`Threads`] guard is held.
fn due(before: usize, n: usize, threads: usize) -> bool {
    threads == 0 && (before + n) / EVERY != before / EVERY
}

#[cfg(test)]
#[test]
fn released_every_few_lookups_and_never_while_threads_run() {
    assert!(!due(0, 1, 0));
    assert!(due(EVERY - 1, 1, 0));
    assert!(due(EVERY - 2, 4, 0));
    assert!(!due(EVERY, 4, 0));
    assert!(!due(EVERY - 1, 1, 1), "another thread may be in libgit2");
}

/// Drops this process's mapped pages of pack indexes (`objects/pack/*.idx`),
/// keeping the mappings. Linux only; elsewhere, and on any failure to read
/// the process's maps, it does nothing: it only lowers memory use.
fn release_pack_indexes() {
    #[cfg(target_os = "linux")]
    linux::release();
}

#[cfg(target_os = "linux")]
mod linux {
    /// The address ranges of mapped `.idx` files of packs.
    fn index_ranges(maps: &str) -> Vec<(usize, usize)> {
        maps.lines()
            .filter_map(|line| {
                // address perms offset device inode path (which may hold
                // spaces: the rest of the line).
                let mut fields = line.splitn(6, ' ');
                let range = fields.next()?;
                let perms = fields.next()?;
                let path = fields.nth(3)?.trim_start();
                if perms != "r--s"
                    || !(path.ends_with(".idx") && path.contains("/objects/pack/pack-"))
                {
                    return None;
                }
                let (start, end) = range.split_once('-')?;
                let start = usize::from_str_radix(start, 16).ok()?;
                let end = usize::from_str_radix(end, 16).ok()?;
                (end > start).then_some((start, end - start))
            })
            .collect()
    }

    pub(super) fn release() {
        let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else {
            return;
        };
        let ranges = index_ranges(&maps);
        // The indexes a read maps are mapped by its first lookups: found
        // small, they stay mapped for the rest of the command.
        if ranges.iter().map(|(_, len)| len).sum::<usize>() < super::floor() {
            super::SMALL.store(true, std::sync::atomic::Ordering::Relaxed);
            return;
        }
        crate::debug_counts::count("pack_index_releases", 1);
        for (start, len) in ranges {
            // SAFETY: the range is a read-only shared mapping of a file
            // (`r--s`: libgit2's index map). MADV_DONTNEED on such a
            // mapping only drops page table entries: it has no private
            // pages to lose, and the next read faults the same bytes in
            // again from the page cache. The maps were read just now on
            // this thread, and libgit2 unmaps an index only inside its own
            // calls: no other thread is in libgit2 ([`Threads`] is not
            // held; the fetches of several teams hold it).
            unsafe {
                libc::madvise(start as *mut libc::c_void, len, libc::MADV_DONTNEED);
            }
        }
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn only_pack_indexes_are_chosen() {
            let maps = "\
7f1508e00000-7f150fe63000 r--s 00000000 fe:00 7127247                    /m/objects/pack/pack-2731.idx
7f1400000000-7f1400010000 r--s 00000000 fe:00 7127248                    /my team/objects/pack/pack-1.idx
7f1300000000-7f1300010000 r--s 00000000 fe:00 7127249                    /m/objects/pack/pack-3.idx (deleted)
7f1506e00000-7f1508e00000 r--s 06000000 fe:00 7127245 /m/objects/pack/pack-2731.pack
7f1500000000-7f1500001000 rw-p 00000000 fe:00 1 /m/objects/pack/pack-9.idx
55c67d9f0000-55c67da10000 rw-p 00000000 00:00 0 [heap]
";
            assert_eq!(
                super::index_ranges(maps),
                vec![
                    (0x7f1508e00000, 0x7f150fe63000 - 0x7f1508e00000),
                    (0x7f1400000000, 0x10000)
                ]
            );
        }
    }
}
