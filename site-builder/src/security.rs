//! The security policy every page is served with. One source for the `<meta>` tag that
//! templates print and the `_headers` file that static hosts read.

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
sync-xhr=(), usb=(), xr-spatial-tracking=(), interest-cohort=()";

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
        ("Referrer-Policy", "no-referrer".into()),
        ("X-Content-Type-Options", "nosniff".into()),
        ("X-Frame-Options", "DENY".into()),
        ("Permissions-Policy", PERMISSIONS_POLICY.into()),
        ("Cross-Origin-Opener-Policy", "same-origin".into()),
        ("Cross-Origin-Resource-Policy", "same-origin".into()),
    ]
}

/// The `_headers` file read by Netlify and Cloudflare Pages.
pub fn headers_file() -> String {
    let mut out = String::from("/*\n");
    for (name, value) in headers(Connect::Nowhere) {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    out.push_str("\n/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n");
    out
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
