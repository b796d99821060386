//! Files built into the binary by `build.rs`: `THEME`, the repository's `templates/` (the
//! default theme), and `EXAMPLE`, its `content/` (the example site), each a sorted table
//! of paths (with `/` between parts) and bytes.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
