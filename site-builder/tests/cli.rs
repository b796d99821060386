//! Mistakes in the command line itself exit with 1, like every other failure; asking for
//! the help or the version is not a mistake.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn usage_mistakes_exit_with_1() {
    let not_a_day = run(&["check", "--now", "2027-13-01"]);
    assert_eq!(not_a_day.status.code(), Some(1));
    assert_eq!(
        stderr(&not_a_day),
        "error: invalid value '2027-13-01' for '--now <DATE>': `2027-13-01` is not a real day \
         of the calendar\n\nFor more information, try '--help'.\n"
    );

    let campaign = run(&[
        "new",
        "campaign",
        "week",
        "--title",
        "Week",
        "--from",
        "2027-02-30",
        "--until",
        "2027-03-01",
    ]);
    assert_eq!(campaign.status.code(), Some(1));
    assert!(
        stderr(&campaign).starts_with("error: invalid value '2027-02-30' for '--from <DATE>'"),
        "{}",
        stderr(&campaign)
    );

    for args in [&["build", "--bogus"][..], &["publish"], &[], &["selfcheck"]] {
        let output = run(args);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(stderr(&output).contains("Usage: site-builder"), "{args:?}");
    }
}

#[test]
fn help_and_version_exit_with_0() {
    for args in [&["--help"][..], &["build", "--help"], &["--version"]] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(!output.stdout.is_empty(), "{args:?}");
        assert_eq!(stderr(&output), "", "{args:?}");
    }
}
