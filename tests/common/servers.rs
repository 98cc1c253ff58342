//! Real servers on 127.0.0.1 for the network fault tests: a TCP proxy that
//! can stall or answer 503 in front of any server, lighttpd serving
//! `git http-backend` behind basic auth, and an sshd of the test's own.
//! Each picks a free port, lives in the world's temp dir and stops on drop.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A free port on 127.0.0.1.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_for_port(port: u16, what: &str, log: Option<&Path>) {
    for _ in 0..400 {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    let log = log
        .and_then(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_default();
    panic!("{what} did not start on port {port}\n{log}");
}

/// What the proxy does with a new connection.
pub const FORWARD_ALL: usize = usize::MAX;
/// Answers every connection with `HTTP/1.1 503` itself.
pub const ANSWER_503: usize = usize::MAX - 1;

/// A TCP proxy in front of `127.0.0.1:target`: forwards everything the
/// client sends, and of the server's answer the first `limit` bytes, then
/// stalls for ever (holds both sockets, reads and writes nothing). Stops by
/// itself after five minutes, or when dropped.
pub struct FaultProxy {
    pub port: u16,
    limit: Arc<AtomicUsize>,
    rate: Arc<AtomicUsize>,
    served: Arc<AtomicUsize>,
    /// Connections whose client has not closed yet, and the most at once.
    open: Arc<(AtomicUsize, AtomicUsize)>,
    stop: Arc<AtomicBool>,
}

impl FaultProxy {
    pub fn start(target: u16) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let limit = Arc::new(AtomicUsize::new(FORWARD_ALL));
        let rate = Arc::new(AtomicUsize::new(0));
        let served = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let open = Arc::new((AtomicUsize::new(0), AtomicUsize::new(0)));
        let (l, r, s, st) = (limit.clone(), rate.clone(), served.clone(), stop.clone());
        let o = open.clone();
        std::thread::spawn(move || {
            let until = Instant::now() + Duration::from_secs(300);
            let mut held = Vec::new();
            while !st.load(Ordering::SeqCst) && Instant::now() < until {
                match listener.accept() {
                    Ok((client, _)) => {
                        s.fetch_add(1, Ordering::SeqCst);
                        client.set_nonblocking(false).unwrap();
                        let limit = l.load(Ordering::SeqCst);
                        if limit == ANSWER_503 {
                            answer_503(client);
                            continue;
                        }
                        if let Ok(server) = TcpStream::connect(("127.0.0.1", target)) {
                            held.push((client.try_clone().unwrap(), server.try_clone().unwrap()));
                            let now_open = o.0.fetch_add(1, Ordering::SeqCst) + 1;
                            o.1.fetch_max(now_open, Ordering::SeqCst);
                            let (from, to, open) = (
                                client.try_clone().unwrap(),
                                server.try_clone().unwrap(),
                                o.clone(),
                            );
                            // The client's side, forwarded whole; its end
                            // is the connection's end.
                            std::thread::spawn(move || {
                                copy_all(from, to);
                                open.0.fetch_sub(1, Ordering::SeqCst);
                            });
                            pipe(server, client, limit, r.load(Ordering::SeqCst));
                        }
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
            for (a, b) in held {
                let _ = a.shutdown(std::net::Shutdown::Both);
                let _ = b.shutdown(std::net::Shutdown::Both);
            }
        });
        wait_for_port(port, "the proxy", None);
        FaultProxy {
            port,
            limit,
            rate,
            served,
            open,
            stop,
        }
    }

    /// From the next connection on, forward only `limit` bytes of each
    /// answer (0: nothing), or [`FORWARD_ALL`], or [`ANSWER_503`].
    pub fn set_limit(&self, limit: usize) {
        self.limit.store(limit, Ordering::SeqCst);
    }

    /// From the next connection on, pass the server's answer on at about
    /// `bytes_per_second` (0: as fast as it comes): a slow link that keeps
    /// moving.
    pub fn set_rate(&self, bytes_per_second: usize) {
        self.rate.store(bytes_per_second, Ordering::SeqCst);
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.served.load(Ordering::SeqCst)
    }

    /// The most connections open at the same time so far (a connection
    /// ends when its client closes it).
    pub fn most_open_at_once(&self) -> usize {
        self.open.1.load(Ordering::SeqCst)
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Copies `from` to `to`, at most `limit` bytes, then holds on without a
/// word; at about `rate` bytes a second when `rate` is not 0.
fn pipe(mut from: TcpStream, mut to: TcpStream, limit: usize, rate: usize) {
    std::thread::spawn(move || {
        let mut sent = 0usize;
        let mut buf = [0u8; 8192];
        // A tenth of a second's worth at a time.
        let chunk = if rate == 0 {
            buf.len()
        } else {
            (rate / 10).clamp(1, buf.len())
        };
        loop {
            let n = match from.read(&mut buf[..chunk]) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            let room = limit.saturating_sub(sent).min(n);
            if room > 0 && to.write_all(&buf[..room]).is_err() {
                break;
            }
            sent += room;
            if rate > 0 {
                std::thread::sleep(Duration::from_millis(100));
            }
            if sent >= limit {
                // Stall: keep reading (so the sender is not blocked) and drop it.
                while matches!(from.read(&mut buf), Ok(n) if n > 0) {}
                return;
            }
        }
        let _ = to.shutdown(std::net::Shutdown::Write);
    });
}

/// Copies everything `from` sends to `to` until `from` closes.
fn copy_all(mut from: TcpStream, mut to: TcpStream) {
    let mut buf = [0u8; 8192];
    loop {
        match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if to.write_all(&buf[..n]).is_err() {
                    break;
                }
            }
        }
    }
    let _ = to.shutdown(std::net::Shutdown::Write);
}

fn answer_503(mut client: TcpStream) {
    std::thread::spawn(move || {
        client
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut request = Vec::new();
        let mut buf = [0u8; 4096];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            match client.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => request.extend_from_slice(&buf[..n]),
            }
        }
        let body = "busy, try later\n";
        let _ = write!(
            client,
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
    });
}

/// A child process killed on drop.
pub struct Server {
    child: Child,
    pub port: u16,
    pub dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn run_ok(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// lighttpd serving every repository under `base` at
/// `http://127.0.0.1:PORT/git/<name>` through `git http-backend`, for the
/// user `user` with password `password` only (basic auth, fetch and push).
pub fn lighttpd_git(dir: &Path, base: &Path, user: &str, password: &str) -> Server {
    let lighttpd = ["/usr/sbin/lighttpd", "/usr/bin/lighttpd"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("lighttpd is not installed (.ci/run installs it)");
    std::fs::create_dir_all(dir.join("www")).unwrap();
    std::fs::write(dir.join("users"), format!("{user}:{password}\n")).unwrap();
    let exec_path = String::from_utf8(
        super::git_plain()
            .arg("--exec-path")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let backend = Path::new(exec_path.trim()).join("git-http-backend");
    let port = free_port();
    let config = format!(
        r#"server.document-root = "{www}"
server.bind = "127.0.0.1"
server.port = {port}
server.errorlog = "{dir}/error.log"
server.modules = ("mod_alias", "mod_setenv", "mod_auth", "mod_authn_file", "mod_cgi")
alias.url = ("/git/" => "{backend}/")
$HTTP["url"] =~ "^/git/" {{
  cgi.assign = ("" => "")
  setenv.add-environment = ("GIT_PROJECT_ROOT" => "{base}", "GIT_HTTP_EXPORT_ALL" => "1", "GIT_CONFIG_NOSYSTEM" => "1", "GIT_CONFIG_GLOBAL" => "/dev/null")
  auth.backend = "plain"
  auth.backend.plain.userfile = "{dir}/users"
  auth.require = ("" => ("method" => "basic", "realm" => "git", "require" => "valid-user"))
}}
"#,
        www = dir.join("www").display(),
        dir = dir.display(),
        backend = backend.display(),
        base = base.display(),
    );
    let conf = dir.join("lighttpd.conf");
    std::fs::write(&conf, config).unwrap();
    let child = Command::new(lighttpd)
        .arg("-D")
        .arg("-f")
        .arg(&conf)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join("stderr.log")).unwrap())
        .spawn()
        .expect("start lighttpd");
    wait_for_port(port, "lighttpd", Some(&dir.join("stderr.log")));
    Server {
        child,
        port,
        dir: dir.to_path_buf(),
    }
}

/// An sshd of its own on 127.0.0.1, key login only, accepting the public
/// keys in `authorized` (OpenSSH `authorized_keys` lines).
pub fn sshd(dir: &Path, authorized: &str) -> Server {
    let sshd = "/usr/sbin/sshd";
    assert!(
        Path::new(sshd).exists(),
        "openssh-server is not installed (.ci/run installs it)"
    );
    std::fs::create_dir_all(dir).unwrap();
    // sshd checks that its privilege separation folder exists.
    let _ = std::fs::create_dir_all("/run/sshd");
    let host_key = dir.join("host_key");
    if !host_key.exists() {
        run_ok(
            Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-f"])
                .arg(&host_key),
        );
    }
    std::fs::write(dir.join("authorized_keys"), authorized).unwrap();
    let port = free_port();
    let config = format!(
        "ListenAddress 127.0.0.1\nPort {port}\nHostKey {key}\nPidFile {dir}/sshd.pid\nAuthorizedKeysFile {dir}/authorized_keys\nStrictModes no\nPermitRootLogin yes\nPubkeyAuthentication yes\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\nLogLevel VERBOSE\n",
        key = host_key.display(),
        dir = dir.display(),
    );
    let conf = dir.join("sshd_config");
    std::fs::write(&conf, config).unwrap();
    let log = dir.join("sshd.log");
    let child = Command::new(sshd)
        .arg("-D")
        .arg("-e")
        .arg("-f")
        .arg(&conf)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("start sshd");
    wait_for_port(port, "sshd", Some(&log));
    Server {
        child,
        port,
        dir: dir.to_path_buf(),
    }
}

impl Server {
    /// The sshd's host key as a `known_hosts` line for 127.0.0.1:port.
    pub fn known_hosts_line(&self) -> String {
        let public = std::fs::read_to_string(self.dir.join("host_key.pub")).unwrap();
        let mut parts = public.split_whitespace();
        let (kind, key) = (parts.next().unwrap(), parts.next().unwrap());
        format!("[127.0.0.1]:{} {kind} {key}\n", self.port)
    }
}

/// A new ed25519 key pair at `path` (and `path.pub`); returns the public line.
pub fn ssh_key(path: &Path) -> String {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    run_ok(
        Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-C", "test", "-f"])
            .arg(path),
    );
    std::fs::read_to_string(path.with_extension("pub")).unwrap()
}

/// Runs `cmd` and waits at most `limit`; a command still running then is
/// killed and the test fails (a hang, which is the bug these tests catch).
pub fn run_within(cmd: &mut Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::null())
        .spawn()
        .expect("spawn");
    let started = Instant::now();
    loop {
        if let Some(_status) = child.try_wait().unwrap() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "{cmd:?} did not return within {limit:?}\nstderr so far:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
