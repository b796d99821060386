//! The site's serving policy, written for each kind of server: the security headers and
//! cache rules from [`security::rules`], the redirects of expired pages, and the 404
//! page. `site-builder hosting SERVER` prints one.
//!
//! Hosts that read `_headers` and `_redirects` from the site (Netlify, Cloudflare Pages)
//! need nothing more; the others are configured once, and again when a page expires if
//! its redirect should be a real 301 (the forwarding page left at its address works
//! without one).

mod platforms;
mod servers;

use crate::content::Forward;
use crate::security::{self, Paths};

/// A kind of server or host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Server {
    Nginx,
    Caddy,
    Apache,
    Netlify,
    Cloudflare,
    /// Azure Static Web Apps: `staticwebapp.config.json`.
    Azure,
}

impl Server {
    pub const ALL: [Server; 6] = [
        Server::Nginx,
        Server::Caddy,
        Server::Apache,
        Server::Netlify,
        Server::Cloudflare,
        Server::Azure,
    ];
}

/// The configuration for `server`, with `forwards` (the expired pages of the day's
/// build) as permanent redirects.
pub fn config(server: Server, forwards: &[Forward]) -> String {
    let policy = Policy {
        rules: security::rules(),
        forwards,
    };
    match server {
        Server::Nginx => servers::nginx(&policy),
        Server::Caddy => servers::caddy(&policy),
        Server::Apache => servers::apache(&policy),
        Server::Netlify => platforms::netlify(&policy),
        Server::Cloudflare => platforms::cloudflare(&policy),
        Server::Azure => platforms::azure(&policy),
    }
}

/// What every configuration says.
struct Policy<'a> {
    rules: Vec<(Paths, Vec<(&'static str, String)>)>,
    forwards: &'a [Forward],
}

impl Policy<'_> {
    /// The headers for every response.
    fn all(&self) -> &[(&'static str, String)] {
        self.headers(Paths::All)
    }

    fn headers(&self, paths: Paths) -> &[(&'static str, String)] {
        (self.rules.iter())
            .find(|(p, _)| *p == paths)
            .map_or(&[], |(_, h)| h.as_slice())
    }

    /// The headers of `paths` with the ones every response gets, the rule's own winning:
    /// what a server that replaces headers per location must write there.
    fn merged(&self, paths: Paths) -> Vec<(&'static str, String)> {
        let own = self.headers(paths);
        let mut merged: Vec<(&'static str, String)> = (self.all().iter())
            .filter(|(name, _)| !own.iter().any(|(n, _)| n == name))
            .cloned()
            .collect();
        merged.extend(own.iter().cloned());
        merged
    }
}

/// Files of the output that are instructions for hosts, not pages: servers that do not
/// read them must not serve them.
const HOST_FILES: [&str; 3] = ["/_headers", "/_redirects", "/.site-builder-output"];
