//! The policy every page is served with: the security headers and the caching rules. One
//! source for the `<meta>` tag that templates print, the `_headers` file that static
//! hosts read, and every server's configuration (`hosting`).

/// The Content-Security-Policy. `connect-src` falls back to `default-src 'none'`: the
/// self-check's wasm is embedded in its script, so the page never needs to fetch.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; \
require-trusted-types-for 'script'; trusted-types 'none'";

/// Browser features the site never uses, switched off.
pub const PERMISSIONS_POLICY: &str =
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), \
encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), \
midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), \
sync-xhr=(), usb=(), xr-spatial-tracking=()";

/// HTTPS only, for a year, on every subdomain too: a site whose visitors may be watched
/// must never be reached over plain HTTP.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000; includeSubDomains";

/// Pages, the feed and the sitemap: caches keep a copy but ask the server every time, so
/// a banner that ends or a page that expires is gone on the day.
pub const REVALIDATE: &str = "public, max-age=0, must-revalidate";

/// Assets, whose names change with their content: kept for a year, never asked again.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The feed's type, so readers and `nosniff` agree on it.
pub const FEED_TYPE: &str = "application/atom+xml; charset=utf-8";

/// Which responses a rule is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paths {
    /// Every response.
    All,
    /// `/assets/*`, the content-hashed theme files.
    Assets,
    /// `/atom.xml`.
    Feed,
}

impl Paths {
    /// The pattern as `_headers` writes it.
    pub fn pattern(&self) -> &'static str {
        match self {
            Paths::All => "/*",
            Paths::Assets => "/assets/*",
            Paths::Feed => "/atom.xml",
        }
    }
}

/// The whole policy, as rules in order: every response gets the security headers and
/// revalidates; assets are immutable instead; the feed says its type.
pub fn rules() -> Vec<(Paths, Vec<(&'static str, String)>)> {
    let mut all = headers(Connect::Nowhere);
    all.push(("Cache-Control", REVALIDATE.into()));
    vec![
        (Paths::All, all),
        (Paths::Assets, vec![("Cache-Control", IMMUTABLE.into())]),
        (Paths::Feed, vec![("Content-Type", FEED_TYPE.into())]),
    ]
}

/// Where a page may connect to. The published site connects nowhere (`connect-src` falls
/// back to `default-src 'none'`); the preview server adds its own reload channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connect {
    Nowhere,
    SameOrigin,
}

/// Every response header, as (name, value) pairs. `frame-ancestors` only works as a header,
/// so it is added here and not in the `<meta>` tag.
pub fn headers(connect: Connect) -> Vec<(&'static str, String)> {
    let connect = match connect {
        Connect::Nowhere => "",
        Connect::SameOrigin => "; connect-src 'self'",
    };
    vec![
        (
            "Content-Security-Policy",
            format!("{CONTENT_SECURITY_POLICY}; frame-ancestors 'none'{connect}"),
        ),
        (
            "Strict-Transport-Security",
            STRICT_TRANSPORT_SECURITY.into(),
        ),
        ("Referrer-Policy", "no-referrer".into()),
        ("X-Content-Type-Options", "nosniff".into()),
        ("X-Frame-Options", "DENY".into()),
        ("Permissions-Policy", PERMISSIONS_POLICY.into()),
        ("Cross-Origin-Opener-Policy", "same-origin".into()),
        ("Cross-Origin-Resource-Policy", "same-origin".into()),
    ]
}

/// The `_headers` file read by Netlify and Cloudflare Pages. Netlify lets the later rule
/// win where two set one header; Cloudflare Pages joins them unless the later rule first
/// detaches it (`! Cache-Control`), which `detach` adds (`site-builder hosting
/// cloudflare`). Without it, Cloudflare revalidates assets too: slower, never stale.
pub fn headers_file_for(detach: bool) -> String {
    let mut out = String::new();
    for (paths, headers) in rules() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(paths.pattern());
        out.push('\n');
        for (name, value) in headers {
            if detach && paths != Paths::All {
                out.push_str(&format!("  ! {name}\n"));
            }
            out.push_str(&format!("  {name}: {value}\n"));
        }
    }
    out
}

/// The `_headers` file every build writes.
pub fn headers_file() -> String {
    headers_file_for(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(connect: Connect) -> String {
        headers(connect)
            .into_iter()
            .find(|(n, _)| *n == "Content-Security-Policy")
            .unwrap()
            .1
    }

    #[test]
    fn only_the_preview_may_connect() {
        assert!(!policy(Connect::Nowhere).contains("connect-src"));
        let preview = policy(Connect::SameOrigin);
        assert!(
            preview.ends_with("frame-ancestors 'none'; connect-src 'self'"),
            "{preview}"
        );
        assert!(preview.starts_with(CONTENT_SECURITY_POLICY));
    }
}
