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
}

pub fn run(args: Args, messages: super::Messages) -> ExitCode {
    let printer = messages.printer(&args.root);
    let settings = Settings {
        root: args.root,
        address: SocketAddr::new(args.bind, args.port),
        today: args.now,
    };
    let result = Preview::bind(settings).and_then(|preview| {
        let stopper = preview.stopper();
        // Without a handler, Ctrl-C would end the process before the preview's folder
        // is removed.
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
            "Built {} pages and {} sections in {} ms. Open pages reload by themselves.",
            report.pages,
            report.sections,
            report.elapsed.as_millis()
        ),
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
