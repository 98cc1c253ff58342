//! A chat webhook on 127.0.0.1 that records what it is sent.
#![allow(dead_code)]

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::time::{Duration, Instant};

/// The secret part of the webhook URLs used here.
pub const SECRET: &str = "T000/B000/XXSECRETXX";

/// One request the server received.
pub struct Request {
    pub line: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub at: Instant,
}

impl Request {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("the body is JSON")
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A webhook on 127.0.0.1 that answers each connection with the next of
/// `answers` (whole HTTP responses) and stops after the last one, or after
/// 30 seconds whatever happens.
pub struct Hook {
    pub url: String,
    thread: std::thread::JoinHandle<Vec<Request>>,
}

impl Hook {
    pub fn start(answers: Vec<String>) -> Hook {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let url = format!(
            "http://127.0.0.1:{}/services/{SECRET}",
            listener.local_addr().unwrap().port()
        );
        let thread = std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(30);
            let mut got = Vec::new();
            for answer in answers {
                let stream = loop {
                    match listener.accept() {
                        Ok((s, _)) => break Some(s),
                        Err(_) if Instant::now() < deadline => {
                            std::thread::sleep(Duration::from_millis(10))
                        }
                        Err(_) => break None,
                    }
                };
                let Some(stream) = stream else { break };
                stream.set_nonblocking(false).unwrap();
                stream
                    .set_read_timeout(Some(Duration::from_secs(10)))
                    .unwrap();
                let mut reader = BufReader::new(stream);
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                let mut headers = Vec::new();
                loop {
                    let mut h = String::new();
                    reader.read_line(&mut h).unwrap();
                    let h = h.trim_end().to_string();
                    if h.is_empty() {
                        break;
                    }
                    let (k, v) = h.split_once(':').unwrap();
                    headers.push((k.trim().to_string(), v.trim().to_string()));
                }
                let len: usize = headers
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                    .map(|(_, v)| v.parse().unwrap())
                    .expect("a Content-Length");
                let mut body = vec![0; len];
                reader.read_exact(&mut body).unwrap();
                let mut stream = reader.into_inner();
                stream.write_all(answer.as_bytes()).unwrap();
                stream.flush().unwrap();
                got.push(Request {
                    line: line.trim_end().to_string(),
                    headers,
                    body,
                    at: Instant::now(),
                });
            }
            got
        });
        Hook { url, thread }
    }

    pub fn requests(self) -> Vec<Request> {
        self.thread.join().unwrap()
    }
}

pub fn answer(status: &str, extra_headers: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\n{extra_headers}Content-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

pub fn ok() -> String {
    answer("200 OK", "", "ok")
}
