//! The serving policy: `_headers` as every build writes it, and `site-builder hosting`
//! for each server, all carrying every security header, HSTS and the cache rules.

mod sites;

use std::path::{Path, PathBuf};

use site_builder::security;

fn base() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base")
}

fn site_builder(args: &[&str]) -> String {
    sites::succeeded(sites::tool(args, &base()))
}

/// Every header of the policy, with its value, as one server writes them.
fn every_header() -> Vec<(&'static str, String)> {
    let all: Vec<_> = (security::rules().into_iter())
        .flat_map(|(_, headers)| headers)
        .collect();
    // The ones the issue names, so a policy that lost one fails here too.
    for (name, value) in [
        (
            "Strict-Transport-Security",
            "max-age=31536000; includeSubDomains",
        ),
        ("Cache-Control", "public, max-age=0, must-revalidate"),
        ("Cache-Control", "public, max-age=31536000, immutable"),
        ("Content-Type", "application/atom+xml; charset=utf-8"),
        ("Referrer-Policy", "no-referrer"),
    ] {
        assert!(
            all.iter().any(|(n, v)| *n == name && v == value),
            "{name}: {value}"
        );
    }
    assert!(all.iter().any(|(n, v)| *n == "Content-Security-Policy"
        && v.starts_with(security::CONTENT_SECURITY_POLICY)
        && v.contains("frame-ancestors 'none'")));
    all
}

#[test]
fn every_server_gets_every_header_the_redirects_and_the_404_page() {
    let headers = every_header();
    for server in ["nginx", "caddy", "apache", "netlify", "cloudflare", "azure"] {
        // The base site's campaign ended on 2027-05-31.
        let config = site_builder(&["hosting", server, "--now", "2027-06-02"]);
        for (name, value) in &headers {
            // nginx sets the feed's type as a type, not as a header.
            let name = if server == "nginx" && *name == "Content-Type" {
                "default_type"
            } else {
                name
            };
            assert!(config.contains(name), "{server}: {name}\n{config}");
            assert!(
                config.contains(value.as_str()),
                "{server}: {name}: {value}\n{config}"
            );
        }
        assert!(!config.contains("interest-cohort"), "{server}");
        // Cloudflare Pages reads the build's own _redirects and serves 404.html itself.
        if server != "cloudflare" {
            assert!(
                config.contains("/news/awareness-week/"),
                "{server}: the redirect\n{config}"
            );
        }
        if !["netlify", "cloudflare"].contains(&server) {
            assert!(
                config.contains("/404.html"),
                "{server}: the 404 page\n{config}"
            );
        }
    }
}

#[test]
fn azure_static_web_apps_gets_global_headers_and_routes() {
    let config: serde_json::Value =
        serde_json::from_str(&site_builder(&["hosting", "azure", "--now", "2027-06-02"])).unwrap();
    let global = &config["globalHeaders"];
    for (name, value) in security::headers(security::Connect::Nowhere) {
        assert_eq!(global[name], value.as_str(), "{name}");
    }
    assert_eq!(global["Cache-Control"], security::REVALIDATE);
    let routes = config["routes"].as_array().unwrap();
    let route = |path: &str| routes.iter().find(|r| r["route"] == path).unwrap().clone();
    assert_eq!(
        route("/assets/*")["headers"]["Cache-Control"],
        security::IMMUTABLE
    );
    assert_eq!(
        route("/atom.xml")["headers"]["Content-Type"],
        security::FEED_TYPE
    );
    assert_eq!(route("/news/awareness-week/")["redirect"], "/news/");
    assert_eq!(route("/news/awareness-week/")["statusCode"], 301);
    assert_eq!(route("/_headers")["statusCode"], 404);
    assert_eq!(config["responseOverrides"]["404"]["rewrite"], "/404.html");
}

#[test]
fn the_headers_file_of_every_build_carries_hsts_and_the_cache_rules() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    site_builder(&[
        "build",
        "--now",
        "2026-11-28",
        "--out",
        public.to_str().unwrap(),
    ]);
    let headers = std::fs::read_to_string(public.join("_headers")).unwrap();
    let expected = format!(
        "/*\n{}  Cache-Control: public, max-age=0, must-revalidate\n\n\
         /assets/*\n  Cache-Control: public, max-age=31536000, immutable\n\n\
         /atom.xml\n  Content-Type: application/atom+xml; charset=utf-8\n",
        (security::headers(security::Connect::Nowhere).iter())
            .map(|(n, v)| format!("  {n}: {v}\n"))
            .collect::<String>()
    );
    assert_eq!(headers, expected);
    assert!(headers.contains("  Strict-Transport-Security: max-age=31536000; includeSubDomains\n"));
    assert!(!headers.contains("interest-cohort"));
    // Cloudflare's version detaches what the later rules replace.
    let cloudflare = site_builder(&["hosting", "cloudflare", "--now", "2026-11-28"]);
    assert!(cloudflare.contains(
        "/assets/*\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable\n"
    ));
}
