//! Reading one request's head, strictly: a request line and headers in UTF-8, arriving
//! within one deadline for the whole head, for a host name this preview answers to.

use std::io::{self, BufRead, Read};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use percent_encoding::percent_decode_str;

/// The longest request line or header line read; anything longer is refused.
const MAX_LINE: u64 = 8 * 1024;
const MAX_HEADERS: usize = 100;

/// What a browser asked for.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The path, decoded: `/get help/`.
    pub path: String,
}

/// Why a request gets no file.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not a request this server reads: 400.
    Malformed,
    /// The head did not arrive before the deadline: 408.
    TooSlow,
    /// For another host name, as a page on another site would send after pointing its
    /// name at this machine (DNS rebinding): 421.
    OtherHost,
    /// The connection failed; there is no one to answer.
    Gone,
}

impl From<io::Error> for Refusal {
    fn from(error: io::Error) -> Refusal {
        match error.kind() {
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => Refusal::TooSlow,
            _ => Refusal::Gone,
        }
    }
}

/// Reads from a connection until a fixed moment. Each read waits only for the time left,
/// so a client that sends a byte now and then cannot stretch the head past the deadline.
pub struct Deadline<'a> {
    stream: &'a TcpStream,
    until: Instant,
}

impl<'a> Deadline<'a> {
    pub fn new(stream: &'a TcpStream, within: Duration) -> Deadline<'a> {
        Deadline {
            stream,
            until: Instant::now() + within,
        }
    }
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        let mut stream = self.stream;
        stream.read(buf)
    }
}

/// Reads the request line and the headers, up to the blank line. `local` is the address
/// the connection came in on.
pub fn read(reader: &mut impl BufRead, local: SocketAddr) -> Result<Request, Refusal> {
    let request_line = read_line(reader)?;
    let mut parts = request_line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Err(Refusal::Malformed);
    };
    if target.chars().any(char::is_control) {
        return Err(Refusal::Malformed);
    }
    let mut host = None;
    let mut ended = false;
    for _ in 0..MAX_HEADERS {
        let line = read_line(reader)?;
        if line.is_empty() {
            ended = true;
            break;
        }
        let (name, value) = line.split_once(':').ok_or(Refusal::Malformed)?;
        if name.trim().eq_ignore_ascii_case("host")
            && host.replace(value.trim().to_string()).is_some()
        {
            return Err(Refusal::Malformed);
        }
    }
    if !ended {
        return Err(Refusal::Malformed);
    }
    if !is_ours(&host.ok_or(Refusal::Malformed)?, local) {
        return Err(Refusal::OtherHost);
    }
    Ok(Request {
        method: method.to_string(),
        path: decode_path(target).ok_or(Refusal::Malformed)?,
    })
}

/// One line, without its line ending; a line must end within `MAX_LINE` bytes and be UTF-8.
fn read_line(reader: &mut impl BufRead) -> Result<String, Refusal> {
    let mut line = Vec::new();
    reader.take(MAX_LINE).read_until(b'\n', &mut line)?;
    if line.last() != Some(&b'\n') {
        return Err(Refusal::Malformed);
    }
    let line = String::from_utf8(line).map_err(|_| Refusal::Malformed)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

/// The path part of a request target, with `%XX` escapes decoded. `None` when it is not
/// UTF-8 or holds a control character: a `%0d%0a` must never reach a response's header.
fn decode_path(target: &str) -> Option<String> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    (!decoded.chars().any(char::is_control)).then(|| decoded.into_owned())
}

/// Whether a `Host` header names this preview: `localhost`, a loopback address or the
/// address the connection came in on (`--bind` to a network address), with this port or
/// none. A page on another site can reach the preview only under its own name.
fn is_ours(host: &str, local: SocketAddr) -> bool {
    let (name, port) = match host.strip_prefix('[') {
        Some(bracketed) => {
            let Some((ip, rest)) = bracketed.split_once(']') else {
                return false;
            };
            match rest {
                "" => (ip, None),
                _ => match rest.strip_prefix(':') {
                    Some(port) => (ip, Some(port)),
                    None => return false,
                },
            }
        }
        None => match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    let port_ok = port.is_none_or(|p| p.parse::<u16>() == Ok(local.port()));
    let name_ok = name.eq_ignore_ascii_case("localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| {
            let ip = ip.to_canonical();
            ip.is_loopback() || ip == local.ip().to_canonical()
        });
    port_ok && name_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(address: &str) -> SocketAddr {
        address.parse().unwrap()
    }

    fn read_str(request: &str) -> Result<Request, Refusal> {
        read(&mut request.as_bytes(), local("127.0.0.1:1111"))
    }

    #[test]
    fn requests_are_read_up_to_the_blank_line() {
        assert_eq!(
            read_str("GET /get%20help/?q=1#top HTTP/1.1\r\nHost: localhost:1111\r\n\r\n"),
            Ok(Request {
                method: "GET".into(),
                path: "/get help/".into()
            })
        );
        for bad in [
            "GET /a/ HTTP/1.1\r\nHost: localhost\r\n",
            "GET /a/ HTTP/1.1\r\n\r\n",
            "GET /a/ HTTP/1.1\r\nHost: localhost\r\nHost: localhost\r\n\r\n",
            "GET /a/ HTTP/1.1\r\nHost: localhost\r\nno colon\r\n\r\n",
            "GET /a%0d%0aX-Injected:%201 HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "GET /%00 HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "GET /%ff HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "GET /a\u{1}b HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "GET\r\nHost: localhost\r\n\r\n",
        ] {
            assert_eq!(read_str(bad), Err(Refusal::Malformed), "{bad:?}");
        }
        let not_utf8 = b"GET /\xff\xfe HTTP/1.1\r\nHost: localhost\r\n\r\n";
        assert_eq!(
            read(&mut &not_utf8[..], local("127.0.0.1:1111")),
            Err(Refusal::Malformed)
        );
    }

    #[test]
    fn percent_escapes_are_decoded_once() {
        assert_eq!(decode_path("/100%").as_deref(), Some("/100%"));
        assert_eq!(decode_path("/%2e%2e/%25").as_deref(), Some("/../%"));
        assert_eq!(decode_path("/caf%C3%A9").as_deref(), Some("/café"));
        assert_eq!(decode_path("/%c3"), None);
    }

    #[test]
    fn only_local_host_names_are_answered() {
        let v4 = local("127.0.0.1:1111");
        for host in [
            "localhost",
            "localhost:1111",
            "LocalHost:1111",
            "127.0.0.1",
            "127.0.0.1:1111",
            "[::1]:1111",
        ] {
            assert!(is_ours(host, v4), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:1111",
            "localhost:2222",
            "localhost.evil.example",
            "127.0.0.1:",
            "[::1",
            "[::1]x",
            "",
        ] {
            assert!(!is_ours(host, v4), "{host}");
        }
        // Bound to a network address, the preview also answers to that address.
        let lan = local("192.168.1.5:1111");
        assert!(is_ours("192.168.1.5:1111", lan));
        assert!(!is_ours("192.168.1.6:1111", lan));
        let v6 = local("[::1]:1111");
        assert!(is_ours("[::1]:1111", v6) && is_ours("localhost:1111", v6));
        assert!(is_ours("[::ffff:192.168.1.5]:1111", lan));
    }
}
