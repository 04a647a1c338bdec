//! Precompressed copies of what a browser fetches: `dist/NAME.gz` beside `dist/NAME`.
//!
//! The copies are gzip streams written by Zopfli, which searches far harder than zlib for the
//! shortest encoding of the same bytes: any gzip decoder reads them, and the page's wasm comes
//! out about 4 % smaller than at zlib's level 9 (bench/README.md, eighth session). `cargo xtask
//! serve` and the test server send them with `Content-Encoding: gzip` to a browser that accepts
//! gzip (see [`crate::server`]); on a static host the same files serve as they are with nginx's
//! `gzip_static on;` or Caddy's `precompressed gzip`. A host that compresses on the fly ignores
//! them and sends what its own compressor makes.
//!
//! Each copy is decompressed again and compared with its file before it is kept, and kept only
//! if it is smaller.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use flate2::read::GzDecoder;

/// Extensions of the files that get a precompressed copy: text and wasm. Images and fonts are
/// compressed formats already, or are not fetched by the page.
const COMPRESSIBLE: [&str; 6] = ["html", "js", "css", "wasm", "svg", "json"];

/// The precompressed copy of `path`: the same name with `.gz` added.
pub fn gz_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".gz");
    PathBuf::from(name)
}

/// Whether `path` is of a kind that gets a precompressed copy.
pub fn compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e.to_ascii_lowercase().as_str()))
}

/// How many times Zopfli may split a stream into blocks, each with its own Huffman codes (its
/// default is 15). The page's wasm, about 350 KB, gains from up to about 30 splits and no more:
/// 140 787 B at 15, 140 520 at 20, 140 461 at 25, 140 385 at 30 and at 35, 45, 60 or 100, for
/// 1.7 s against 4.2 s of compression here (bench/README.md, eleventh session); the smaller
/// files come out the same.
const BLOCK_SPLITS: u16 = 30;

/// How many times Zopfli refines each block's encoding (its default is 15). More search, not a
/// different format: at 60 the page's wasm was 86 B smaller (141 071 → 140 985), the chart
/// module's 17 B (44 078 → 44 061) and another build of the page (before wasm-bindgen's names
/// were shortened) 69 B, for 3.1 s against 1.9 s on the page's wasm. 100 was no better (141 017,
/// 44 060, 144 213 against 60's 144 200): a longer search, not a better result every time
/// (bench/README.md, twentieth session).
const ITERATIONS: u64 = 60;

/// `bytes` as a gzip stream, written by Zopfli with [`ITERATIONS`] and [`BLOCK_SPLITS`].
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let options = zopfli::Options {
        iteration_count: std::num::NonZeroU64::new(ITERATIONS)
            .context("Zopfli needs at least one iteration")?,
        maximum_block_splits: BLOCK_SPLITS,
        ..zopfli::Options::default()
    };
    zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut out).context("zopfli could not compress")?;
    Ok(out)
}

/// Writes `NAME.gz` beside every compressible file under `dir` whose copy is smaller than it,
/// after checking that the copy decompresses to the file's bytes. Returns how many it wrote.
pub fn precompress(dir: &Path) -> Result<usize> {
    let mut paths = Vec::new();
    crate::dist::collect_files(dir, &mut paths)?;
    let mut written = 0;
    // An earlier `.gz` copy is not compressible, so it is not compressed again.
    for path in paths {
        if !compressible(&path) {
            continue;
        }
        let bytes = fs::read(&path).with_context(|| format!("could not read {}", path.display()))?;
        let gz = gzip(&bytes)?;
        let mut back = Vec::with_capacity(bytes.len());
        GzDecoder::new(gz.as_slice())
            .read_to_end(&mut back)
            .with_context(|| format!("the gzip copy of {} does not decompress", path.display()))?;
        if back != bytes {
            bail!("the gzip copy of {} decompresses to other bytes", path.display());
        }
        if gz.len() < bytes.len() {
            let target = gz_path(&path);
            fs::File::create(&target)
                .and_then(|mut f| f.write_all(&gz))
                .with_context(|| format!("could not write {}", target.display()))?;
            written += 1;
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_decompress_to_their_files_and_only_smaller_ones_are_kept() {
        let dir = std::env::temp_dir().join(format!("xtask-precompress-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("assets")).unwrap();
        let script = "export const words = 'pledge explorer '.repeat(200);\n".repeat(20);
        fs::write(dir.join("pledge.js"), &script).unwrap();
        fs::write(dir.join("assets/tiny.css"), "a{}").unwrap();
        fs::write(dir.join("assets/card.png"), vec![7u8; 4096]).unwrap();

        assert_eq!(precompress(&dir).unwrap(), 1);
        let gz = fs::read(dir.join("pledge.js.gz")).unwrap();
        assert!(gz.len() < script.len() / 10, "{} bytes", gz.len());
        let mut back = String::new();
        GzDecoder::new(gz.as_slice()).read_to_string(&mut back).unwrap();
        assert_eq!(back, script);
        // Three bytes cannot get smaller; a PNG is not text.
        assert!(!dir.join("assets/tiny.css.gz").exists());
        assert!(!dir.join("assets/card.png.gz").exists());
        // Running again does not compress the copies themselves.
        assert_eq!(precompress(&dir).unwrap(), 1);
        assert!(!dir.join("pledge.js.gz.gz").exists());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn zopfli_beats_zlib_at_level_9_on_text() {
        use flate2::write::GzEncoder;
        let text: String = (0..4000)
            .map(|i| format!("year {} paid {} of {}\n", 2026 + i % 30, i * 7 % 101, i % 13))
            .collect();
        let mut zlib = GzEncoder::new(Vec::new(), flate2::Compression::best());
        zlib.write_all(text.as_bytes()).unwrap();
        let zlib = zlib.finish().unwrap();
        let zopfli = gzip(text.as_bytes()).unwrap();
        assert!(zopfli.len() < zlib.len(), "zopfli {} against zlib {}", zopfli.len(), zlib.len());
    }
}
