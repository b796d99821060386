//! `site-builder serve`: preview the site while editing it.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use site_builder::serve::{Event, Preview, Settings};
use site_builder::Date;

#[derive(clap::Args)]
pub struct Args {
    /// The folder holding content/ and templates/
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The port to serve on
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// The address to listen on; 0.0.0.0 lets other devices on your network see the preview
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Preview as if today were this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    now: Option<Date>,
    /// Also write each good build to the output folder, as `build` does (the preview
    /// itself is served from memory)
    #[arg(long)]
    write: bool,
    /// Where --write writes the site (default: public/ inside --root)
    #[arg(long, value_name = "DIR", requires = "write")]
    out: Option<PathBuf>,
}

pub fn run(args: Args, messages: super::Messages) -> ExitCode {
    let printer = messages.printer(&args.root);
    let write =
        (args.write).then(|| (args.out.clone()).unwrap_or_else(|| args.root.join("public")));
    let settings = Settings {
        root: args.root,
        address: SocketAddr::new(args.bind, args.port),
        today: args.now,
        write,
    };
    let result = Preview::bind(settings).and_then(|preview| {
        let stopper = preview.stopper();
        // Without a handler, Ctrl-C would end the process in the middle of writing the
        // site (with --write), leaving a staging folder for the next build to remove.
        let _ = ctrlc::set_handler(move || stopper.stop());
        preview.run(|event| print(event, &printer))
    });
    match result {
        Ok(()) => {
            println!("Stopped.");
            ExitCode::SUCCESS
        }
        Err(error) => {
            error.eprint(&printer);
            ExitCode::FAILURE
        }
    }
}

fn print(event: Event<'_>, printer: &site_builder::Printer) {
    match event {
        Event::Serving { url } => {
            println!("Previewing the site at {url}");
            println!(
                "Drafts and scheduled pages are shown, marked \"Preview\". Press Ctrl-C to stop."
            );
        }
        Event::Changed { paths } => {
            let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            println!("\nChanged: {}", names.join(", "));
        }
        Event::Built { report } => println!(
            "Built {} pages and {} sections in {} ms ({} made again). Open pages reload by themselves.",
            report.pages,
            report.sections,
            report.elapsed.as_millis(),
            report.made
        ),
        Event::Written { out } => println!("Written to {}.", out.display()),
        Event::Failed {
            error,
            still_serving,
        } => {
            error.eprint(printer);
            let shown = if still_serving {
                "The preview still shows the last version that worked."
            } else {
                "Nothing has been built yet, so the preview shows these problems instead of the site."
            };
            eprintln!("\n{shown} Fix the problem and save: it rebuilds by itself.");
        }
        _ => {}
    }
}
