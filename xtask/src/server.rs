//! A small static file server for `dist/`, used by `cargo xtask serve` and by the browser tests.
//!
//! It listens on 127.0.0.1 only, answers `GET` and `HEAD`, maps `/` (and any directory) to its
//! `index.html`, ignores query strings and fragments, refuses any path with a `..` segment (404),
//! and sends `Cache-Control: no-cache` on every response plus the page's
//! `Content-Security-Policy` on HTML. To a client that accepts gzip it sends a file's
//! precompressed copy (`NAME.gz`, see [`crate::precompress`]) with `Content-Encoding: gzip`, as
//! nginx's `gzip_static` does, unless the file is newer than its copy. A few worker threads share the listener so the parallel
//! requests of one page load (module script, wasm, fonts, icons) do not queue behind each other.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use tiny_http::{Header, Method, Request, Response, Server};

/// The Content-Security-Policy sent with HTML: everything from our origin, wasm compilation
/// allowed, no inline script or style; embeddable anywhere (`frame-ancestors *`).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; \
    frame-ancestors *";

/// Worker threads answering requests.
const WORKERS: usize = 4;
/// How many consecutive ports to try when the requested one is busy.
const PORT_ATTEMPTS: u16 = 20;
/// How often idle workers check whether the server is stopping.
const POLL: Duration = Duration::from_millis(100);

/// A running static file server; dropping it stops the workers.
pub struct StaticServer {
    port: u16,
    stop: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `root` on 127.0.0.1 from background threads.
    ///
    /// Binds `first_port`, or the next free one of the following ports if it is busy; port 0
    /// lets the operating system choose a free port. With `log`, each request is printed.
    pub fn start(root: &Path, first_port: u16, log: bool) -> Result<Self> {
        let root = root
            .canonicalize()
            .with_context(|| format!("cannot serve {}: no such directory", root.display()))?;
        let (server, port) = bind(first_port)?;
        let server = Arc::new(server);
        let stop = Arc::new(AtomicBool::new(false));
        let workers = (0..WORKERS)
            .map(|i| {
                let (server, stop, root) = (Arc::clone(&server), Arc::clone(&stop), root.clone());
                std::thread::Builder::new()
                    .name(format!("static-server-{i}"))
                    .spawn(move || worker(&server, &stop, &root, log))
                    .context("could not start a server thread")
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Self { port, stop, workers })
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The base URL, with a trailing slash: `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port())
    }

    /// Blocks for as long as the server runs (until the process is interrupted).
    pub fn wait(mut self) {
        for worker in self.workers.drain(..) {
            // A panicking worker has already printed its panic; nothing more to report.
            let _ = worker.join();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

/// Binds 127.0.0.1 at `first_port` or one of the next ports.
fn bind(first_port: u16) -> Result<(Server, u16)> {
    let attempts = if first_port == 0 { 1 } else { PORT_ATTEMPTS };
    let mut last_error = None;
    for port in (0..attempts).filter_map(|i| first_port.checked_add(i)) {
        match Server::http(("127.0.0.1", port)) {
            Ok(server) => {
                let bound = server
                    .server_addr()
                    .to_ip()
                    .map(|addr| addr.port())
                    .ok_or_else(|| anyhow!("the server is not listening on an IP address"))?;
                return Ok((server, bound));
            }
            Err(err) => last_error = Some(anyhow!("{err}")),
        }
    }
    let err = last_error.unwrap_or_else(|| anyhow!("no port to try"));
    Err(err.context(format!(
        "could not listen on 127.0.0.1 at any port from {first_port} to {}",
        first_port.saturating_add(attempts - 1)
    )))
}

/// One worker: answers requests until `stop` is set.
fn worker(server: &Server, stop: &AtomicBool, root: &Path, log: bool) {
    while !stop.load(Ordering::SeqCst) {
        match server.recv_timeout(POLL) {
            Ok(Some(request)) => handle(request, root, log),
            Ok(None) => {}
            Err(err) => {
                if log {
                    eprintln!("server: {err}");
                }
            }
        }
    }
}

/// Answers one request from the files under `root`.
fn handle(request: Request, root: &Path, log: bool) {
    let method = request.method().clone();
    let url = request.url().to_owned();
    let gzip_ok = accepts_gzip(&request);
    let (status, response) = match method {
        Method::Get | Method::Head => match resolve(root, &url) {
            Some(path) => match precompressed(&path, gzip_ok) {
                Some(gz) => (200, file_response(&path, gz).with_header(header("Content-Encoding", "gzip"))),
                None => match fs::read(&path) {
                    Ok(body) => (200, file_response(&path, body)),
                    Err(_) => (404, not_found()),
                },
            },
            None => (404, not_found()),
        },
        _ => (
            405,
            text_response("405 Method Not Allowed\n")
                .with_status_code(405)
                .with_header(header("Allow", "GET, HEAD")),
        ),
    };
    if log {
        println!("{method} {url} -> {status}");
    }
    // HEAD responses drop the body inside tiny_http. A client that hung up is not our error.
    if let Err(err) = request.respond(response) {
        if log {
            eprintln!("server: could not answer {url}: {err}");
        }
    }
}

/// Whether the request's `Accept-Encoding` accepts gzip (by name or `*`, with a weight other
/// than `q=0`).
fn accepts_gzip(request: &Request) -> bool {
    request.headers().iter().filter(|h| h.field.equiv("Accept-Encoding")).any(|h| {
        h.value.as_str().split(',').any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| {
                p.trim().strip_prefix("q=").is_some_and(|q| q.trim().parse::<f32>().is_ok_and(|q| q == 0.0))
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
    })
}

/// The precompressed copy of `path` to send in its place: only to a client that accepts gzip,
/// and only if the copy is not older than the file (a file changed after `dist` was built is
/// sent as it is, not as the stale copy).
fn precompressed(path: &Path, gzip_ok: bool) -> Option<Vec<u8>> {
    if !gzip_ok {
        return None;
    }
    let copy = crate::precompress::gz_path(path);
    let file_time = fs::metadata(path).and_then(|m| m.modified()).ok()?;
    let copy_time = fs::metadata(&copy).and_then(|m| m.modified()).ok()?;
    if copy_time < file_time {
        return None;
    }
    fs::read(&copy).ok()
}

/// The file a request URL names under `root`, or `None` (→ 404).
///
/// Strips the query and fragment, percent-decodes, refuses `..` segments, backslashes and NUL,
/// maps directories to their `index.html`, and finally checks that the canonical path is still
/// inside `root` (so a symbolic link cannot lead out of it either).
pub fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s if s.contains(['\\', '\0']) => return None,
            s => file.push(s),
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    let file = file.canonicalize().ok()?;
    (file.starts_with(root) && file.is_file()).then_some(file)
}

/// Decodes `%XX` escapes; `None` for malformed escapes or a result that is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type for a file name, by extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    // Names and values here are ASCII constants or MIME types, which tiny_http always accepts.
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|()| panic!("invalid header {name}: {value}"))
}

fn file_response(path: &Path, body: Vec<u8>) -> Response<std::io::Cursor<Vec<u8>>> {
    let kind = content_type(path);
    // With its length, as a static host sends a file: tiny_http would otherwise send any body
    // of 32 KiB or more in chunks, whose framing (about 150 B for the page's wasm) the browser
    // counts as bytes transferred.
    let mut response = Response::from_data(body)
        .with_chunked_threshold(usize::MAX)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-cache"))
        .with_header(header("X-Content-Type-Options", "nosniff"));
    if crate::precompress::compressible(path) {
        response = response.with_header(header("Vary", "Accept-Encoding"));
    }
    if kind.starts_with("text/html") {
        response = response.with_header(header("Content-Security-Policy", CONTENT_SECURITY_POLICY));
    }
    response
}

fn text_response(text: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(text.as_bytes().to_vec())
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .with_header(header("Cache-Control", "no-cache"))
}

fn not_found() -> Response<std::io::Cursor<Vec<u8>>> {
    text_response("404 Not Found\n").with_status_code(404)
}

/// Checks a path-bearing argument is an existing directory (for error messages before binding).
pub fn require_dir(dir: &Path) -> Result<()> {
    if !dir.is_dir() {
        bail!("{} does not exist; run `cargo xtask dist` first", dir.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpStream;

    /// A throw-away site under the temp directory, unique per test.
    fn temp_site(test: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-server-{}", std::process::id())).join(test);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("assets/fonts")).unwrap();
        fs::write(dir.join("index.html"), "<!doctype html><title>t</title>").unwrap();
        fs::write(dir.join("pledge.js"), "export default 1;").unwrap();
        fs::write(dir.join("pledge_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        fs::write(dir.join("assets/fonts/a b.ttf"), b"font").unwrap();
        fs::write(dir.parent().unwrap().join("xtask-secret.txt"), "secret").unwrap();
        dir
    }

    /// Sends a raw HTTP/1.0 request and returns the whole response text.
    fn get(port: u16, method: &str, path: &str) -> String {
        String::from_utf8(request(port, method, path, "")).unwrap()
    }

    /// Sends a raw HTTP/1.0 request with extra header lines and returns the response's bytes.
    fn request(port: u16, method: &str, path: &str, headers: &str) -> Vec<u8> {
        request_as(port, "HTTP/1.0", &format!("{method} {path}"), headers)
    }

    /// Sends `line` (method and path) as an HTTP `version` request and returns the response.
    fn request_as(port: u16, version: &str, line: &str, headers: &str) -> Vec<u8> {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(stream, "{line} {version}\r\nHost: localhost\r\n{headers}\r\n").unwrap();
        let mut out = Vec::new();
        stream.read_to_end(&mut out).unwrap();
        out
    }

    fn status(response: &str) -> &str {
        response.split(' ').nth(1).unwrap()
    }

    fn has_header(response: &str, line: &str) -> bool {
        let head = response.split("\r\n\r\n").next().unwrap().to_ascii_lowercase();
        head.lines().any(|l| l == line.to_ascii_lowercase())
    }

    #[test]
    fn serves_files_with_types_and_headers() {
        let root = temp_site("serves");
        let server = StaticServer::start(&root, 0, false).unwrap();
        let port = server.port();

        let index = get(port, "GET", "/?lang=ko#x");
        assert_eq!(status(&index), "200");
        assert!(has_header(&index, "content-type: text/html; charset=utf-8"));
        assert!(has_header(&index, "cache-control: no-cache"));
        assert!(has_header(&index, &format!("content-security-policy: {CONTENT_SECURITY_POLICY}")));
        assert!(index.ends_with("<title>t</title>"));

        let js = get(port, "GET", "/pledge.js?v=1");
        assert!(has_header(&js, "content-type: text/javascript; charset=utf-8"));
        assert!(!js.to_ascii_lowercase().contains("content-security-policy"));
        let wasm = get(port, "GET", "/pledge_bg.wasm");
        assert!(has_header(&wasm, "content-type: application/wasm"));
        let font = get(port, "GET", "/assets/fonts/a%20b.ttf");
        assert!(has_header(&font, "content-type: font/ttf"));

        let head = get(port, "HEAD", "/index.html");
        assert_eq!(status(&head), "200");
        assert!(!head.contains("<title>"));

        for bad in [
            "/../xtask-secret.txt",
            "/assets/../../xtask-secret.txt",
            "/%2e%2e/xtask-secret.txt",
            "/assets/..%2F..%2Fxtask-secret.txt",
            "/missing.js",
        ] {
            assert_eq!(status(&get(port, "GET", bad)), "404", "{bad}");
        }
        assert_eq!(status(&get(port, "POST", "/")), "405");
        drop(server);
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn a_large_file_comes_whole_with_its_length_not_in_chunks() {
        let root = temp_site("length");
        let script = "export const a = 'a large module';\n".repeat(4000);
        assert!(script.len() > 64 * 1024);
        fs::write(root.join("pledge.js"), &script).unwrap();
        let server = StaticServer::start(&root, 0, false).unwrap();
        let response = request_as(server.port(), "HTTP/1.1", "GET /pledge.js", "Connection: close\r\n");
        let text = String::from_utf8(response).unwrap();
        assert!(has_header(&text, &format!("content-length: {}", script.len())), "{}", &text[..300]);
        assert!(!text.split("\r\n\r\n").next().unwrap().to_ascii_lowercase().contains("transfer-encoding"));
        assert!(text.ends_with(&script));
        drop(server);
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn a_client_that_accepts_gzip_gets_the_precompressed_copy_unless_the_file_is_newer() {
        let root = temp_site("gzip");
        let script = "export const a = 'pledge';\n".repeat(100);
        fs::write(root.join("pledge.js"), &script).unwrap();
        assert_eq!(crate::precompress::precompress(&root).unwrap(), 1);
        let server = StaticServer::start(&root, 0, false).unwrap();
        let port = server.port();
        let split = |r: Vec<u8>| {
            let at = r.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
            (String::from_utf8(r[..at].to_vec()).unwrap().to_ascii_lowercase(), r[at + 4..].to_vec())
        };

        let (head, body) =
            split(request(port, "GET", "/pledge.js", "Accept-Encoding: gzip, deflate, br\r\n"));
        assert!(head.contains("content-encoding: gzip"), "{head}");
        assert!(head.contains("content-type: text/javascript; charset=utf-8"), "{head}");
        assert!(head.contains("vary: accept-encoding"), "{head}");
        let mut back = String::new();
        flate2::read::GzDecoder::new(body.as_slice()).read_to_string(&mut back).unwrap();
        assert_eq!(back, script);

        for refused in ["", "Accept-Encoding: identity\r\n", "Accept-Encoding: gzip;q=0, br\r\n"] {
            let (head, body) = split(request(port, "GET", "/pledge.js", refused));
            assert!(!head.contains("content-encoding"), "{refused}: {head}");
            assert_eq!(body, script.as_bytes(), "{refused}");
        }

        // A file written after its copy is sent as it is.
        std::thread::sleep(Duration::from_millis(20));
        fs::write(root.join("pledge.js"), "export const b = 2;").unwrap();
        let (head, body) = split(request(port, "GET", "/pledge.js", "Accept-Encoding: gzip\r\n"));
        assert!(!head.contains("content-encoding"), "{head}");
        assert_eq!(body, b"export const b = 2;");
        drop(server);
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn parallel_requests_do_not_stall() {
        let root = temp_site("parallel");
        let server = StaticServer::start(&root, 0, false).unwrap();
        let port = server.port();
        // Hold one connection open without sending a request; others must still be answered.
        let _idle = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let threads: Vec<_> = (0..8)
            .map(|_| std::thread::spawn(move || status(&get(port, "GET", "/pledge.js")).to_owned()))
            .collect();
        for t in threads {
            assert_eq!(t.join().unwrap(), "200");
        }
        drop(server);
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn busy_port_moves_to_the_next() {
        let root = temp_site("busy");
        let first = StaticServer::start(&root, 0, false).unwrap();
        let second = StaticServer::start(&root, first.port(), false).unwrap();
        assert_ne!(first.port(), second.port());
        drop((first, second));
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn content_types() {
        for (name, kind) in [
            ("a.CSS", "text/css; charset=utf-8"),
            ("a.svg", "image/svg+xml"),
            ("a.png", "image/png"),
            ("a.json", "application/json"),
            ("a.csv", "text/csv; charset=utf-8"),
            ("favicon.ico", "image/x-icon"),
            ("noext", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(name)), kind);
        }
    }
}
