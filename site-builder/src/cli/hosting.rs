//! `site-builder hosting SERVER`: the site's headers, redirects and 404 page for a server.

use clap::ValueEnum;
use site_builder::hosting::{self, Server};
use site_builder::{Error, Options};

use super::SiteArgs;

#[derive(clap::Args)]
pub struct Args {
    /// The server or host to write the configuration for
    #[arg(value_enum)]
    server: ServerArg,
    #[command(flatten)]
    site: SiteArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum ServerArg {
    Nginx,
    Caddy,
    Apache,
    Netlify,
    Cloudflare,
    /// Azure Static Web Apps (staticwebapp.config.json)
    Azure,
}

impl Args {
    pub fn root(&self) -> std::path::PathBuf {
        self.site.root.clone()
    }
}

pub fn run(args: Args) -> Result<(), Error> {
    let server = match args.server {
        ServerArg::Nginx => Server::Nginx,
        ServerArg::Caddy => Server::Caddy,
        ServerArg::Apache => Server::Apache,
        ServerArg::Netlify => Server::Netlify,
        ServerArg::Cloudflare => Server::Cloudflare,
        ServerArg::Azure => Server::Azure,
    };
    let mut options = Options::new(&args.site.root);
    options.out = None;
    options.drafts = args.site.drafts;
    options.now = args.site.now;
    let forwards = site_builder::forwards(&options)?;
    print!("{}", hosting::config(server, &forwards));
    Ok(())
}
