//! Reading one file without being led astray: never through a symbolic link, never waiting on
//! a pipe, only an ordinary file, and only up to a size limit. Used for the plan files and for
//! the charts already on disk, so a link to `/dev/zero` or a FIFO in either place is reported,
//! never read.

use std::path::Path;

use crate::messages::IoReason;

/// Why a file was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadFailure {
    /// A symbolic link (never followed).
    Link,
    /// A folder.
    Folder,
    /// A pipe, socket or device.
    NotRegular,
    /// Larger than the limit; `size` as the file system reports it.
    TooLarge {
        size: u64,
    },
    Io(IoReason),
}

/// Reads the file `name` in the open folder `folder`.
#[cfg(unix)]
pub fn read_at(
    folder: &rustix::fd::OwnedFd,
    name: &str,
    limit: u64,
) -> Result<Vec<u8>, ReadFailure> {
    let fd = rustix::fs::openat(folder, name, flags(), rustix::fs::Mode::empty())
        .map_err(open_failure)?;
    read_open(&fd, limit)
}

/// Reads the file at `path`.
#[cfg(unix)]
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    let fd = rustix::fs::open(path, flags(), rustix::fs::Mode::empty()).map_err(open_failure)?;
    read_open(&fd, limit)
}

/// Reads the file at `path` (without the guarantees about links and pipes, which need Unix).
#[cfg(not(unix))]
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    use std::io::Read;
    let meta = std::fs::symlink_metadata(path).map_err(|e| ReadFailure::Io(IoReason::of(&e)))?;
    if meta.file_type().is_symlink() {
        return Err(ReadFailure::Link);
    }
    if meta.is_dir() {
        return Err(ReadFailure::Folder);
    }
    if !meta.is_file() {
        return Err(ReadFailure::NotRegular);
    }
    if meta.len() > limit {
        return Err(ReadFailure::TooLarge { size: meta.len() });
    }
    let file = std::fs::File::open(path).map_err(|e| ReadFailure::Io(IoReason::of(&e)))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadFailure::Io(IoReason::of(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(ReadFailure::TooLarge {
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// Opened read-only, never following a link (`O_NOFOLLOW`) and never waiting for a writer
/// (`O_NONBLOCK`): an entry swapped after it was listed cannot escape or hang the run.
#[cfg(unix)]
fn flags() -> rustix::fs::OFlags {
    use rustix::fs::OFlags;
    OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY
}

#[cfg(unix)]
fn open_failure(e: rustix::io::Errno) -> ReadFailure {
    match e {
        rustix::io::Errno::LOOP => ReadFailure::Link,
        // A socket cannot be opened.
        rustix::io::Errno::NXIO => ReadFailure::NotRegular,
        e => ReadFailure::Io(IoReason::of(&std::io::Error::from(e))),
    }
}

/// Reads an open file: only an ordinary file, only up to the limit, with the size from one
/// `fstat` and plain `read` calls.
#[cfg(unix)]
fn read_open(fd: &rustix::fd::OwnedFd, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    use rustix::fs::FileType;
    let io = |e: rustix::io::Errno| ReadFailure::Io(IoReason::of(&std::io::Error::from(e)));
    let stat = rustix::fs::fstat(fd).map_err(io)?;
    match FileType::from_raw_mode(stat.st_mode) {
        FileType::RegularFile => {}
        FileType::Directory => return Err(ReadFailure::Folder),
        _ => return Err(ReadFailure::NotRegular),
    }
    let size = stat.st_size.max(0) as u64;
    if size > limit {
        return Err(ReadFailure::TooLarge { size });
    }
    let mut bytes = vec![0u8; size as usize];
    let mut filled = 0;
    while filled < bytes.len() {
        match rustix::io::read(fd, &mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(io(e)),
        }
    }
    // A file that shrank while being read is taken as it was read.
    bytes.truncate(filled);
    Ok(bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn refuses_links_pipes_folders_and_large_files() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.json");
        std::fs::write(&file, "{}").unwrap();
        assert_eq!(read(&file, 10), Ok(b"{}".to_vec()));
        assert_eq!(read(&file, 1), Err(ReadFailure::TooLarge { size: 2 }));
        let link = dir.path().join("zero.png");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert_eq!(read(&link, 10), Err(ReadFailure::Link));
        let pipe = dir.path().join("pipe.png");
        let made = std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap();
        assert!(made.success());
        assert_eq!(read(&pipe, 10), Err(ReadFailure::NotRegular));
        assert_eq!(read(dir.path(), 10), Err(ReadFailure::Folder));
        assert_eq!(
            read(&dir.path().join("none"), 10),
            Err(ReadFailure::Io(IoReason::NotFound))
        );
        assert_eq!(
            read(Path::new("/dev/zero"), 10),
            Err(ReadFailure::NotRegular)
        );
    }
}
