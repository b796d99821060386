//! The size rules of CONTRIBUTING.md, checked: no file in `site-builder/src` holds more than
//! 400 lines of code, and no function more than 80. A line of code is a line with something
//! on it besides white space and comments; a file's unit tests (`#[cfg(test)] mod tests`) do
//! not count towards it.

use std::path::Path;

const FILE_LIMIT: usize = 400;
const FUNCTION_LIMIT: usize = 80;

/// The source with comments, strings and character literals blanked out (their line breaks
/// kept), so that braces and `fn` are only ever code.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    // Keeps a line break, drops anything else.
    let blank = |c: char, out: &mut String| out.push(if c == '\n' { '\n' } else { ' ' });
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(chars[i], &mut out);
                    i += 1;
                }
            }
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && !ident(chars.get(i.wrapping_sub(1)))
        {
            // A raw string: r"…", r#"…"#, and so on.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            out.push('"');
            i = j + 1;
            while let Some(&d) = chars.get(i) {
                if d == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
                    i += 1 + hashes;
                    break;
                }
                blank(d, &mut out);
                i += 1;
            }
            out.push('"');
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    blank(chars[i], &mut out);
                    i += 1;
                }
                if let Some(&d) = chars.get(i) {
                    blank(d, &mut out);
                }
                i += 1;
            }
            out.push('"');
            i += 1;
        } else if c == '\'' {
            // A character literal ('{', '\n', '\'') rather than a lifetime ('a).
            let end = if next == Some('\\') {
                (i + 2..chars.len().min(i + 12)).find(|&k| chars[k] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    out.push_str("' '");
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// The lines of `code` before its unit tests.
fn before_tests(code: &str) -> Vec<&str> {
    let lines: Vec<&str> = code.lines().collect();
    let end = (0..lines.len())
        .find(|&i| {
            lines[i].trim() == "#[cfg(test)]"
                && lines
                    .get(i + 1)
                    .is_some_and(|l| l.trim_start().starts_with("mod tests"))
        })
        .unwrap_or(lines.len());
    lines[..end].to_vec()
}

/// Each function's name, first line and lines of code, found by matching its braces.
fn functions(lines: &[&str]) -> Vec<(String, usize, usize)> {
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let Some(at) = fn_keyword(line) else { continue };
        let name: String = line[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let mut depth = 0i32;
        let mut opened = false;
        let mut count = 0;
        for (k, body) in lines[start..].iter().enumerate() {
            let text = if k == 0 { &body[at..] } else { body };
            if !text.trim().is_empty() {
                count += 1;
            }
            for c in text.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    ';' if !opened && depth == 0 => break,
                    _ => {}
                }
            }
            if (opened && depth <= 0) || (!opened && text.trim_end().ends_with(';')) {
                break;
            }
        }
        if opened {
            found.push((name, start + 1, count));
        }
    }
    found
}

/// Where `fn ` starts a function item on this line, if it does.
fn fn_keyword(line: &str) -> Option<usize> {
    let at = line.find("fn ")?;
    let before = &line[..at];
    let item = before.trim().is_empty()
        || before
            .trim_end()
            .ends_with(|c: char| c == ')' || c.is_alphabetic())
            && before.split_whitespace().all(|w| {
                matches!(w, "pub" | "const" | "async" | "unsafe" | "extern")
                    || w.starts_with("pub(")
                    || w.starts_with('"')
            });
    item.then_some(at)
}

#[test]
fn no_file_or_function_is_too_long_to_read_in_one_sitting() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    let mut files = 0;
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|x| x != "rs") {
            continue;
        }
        files += 1;
        let name = entry
            .path()
            .strip_prefix(&src)
            .unwrap()
            .display()
            .to_string();
        let code = code_only(&std::fs::read_to_string(entry.path()).unwrap());
        let lines = before_tests(&code);
        let count = lines.iter().filter(|l| !l.trim().is_empty()).count();
        if count > FILE_LIMIT {
            problems.push(format!(
                "src/{name}: {count} lines of code (at most {FILE_LIMIT})"
            ));
        }
        for (function, line, count) in functions(&lines) {
            if count > FUNCTION_LIMIT {
                problems.push(format!(
                    "src/{name}:{line}: `{function}` has {count} lines of code (at most {FUNCTION_LIMIT})"
                ));
            }
        }
    }
    assert!(files > 50, "the sources were found ({files} files)");
    assert!(
        problems.is_empty(),
        "split these up:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_reader_sees_code_not_comments_or_strings() {
    let source = "fn a() {\n    // }\n    let s = \"}\";\n    let r = r#\"{\"#;\n    let c = '}';\n    /* { */\n}\nfn b<'x>(v: &'x str) -> &'x str {\n    v\n}\n";
    let code = code_only(source);
    let lines = before_tests(&code);
    assert_eq!(
        functions(&lines),
        vec![("a".to_string(), 1, 5), ("b".to_string(), 8, 3)]
    );
    let long = format!("fn long() {{\n{}}}\n", "    x();\n".repeat(FUNCTION_LIMIT));
    let code = code_only(&long);
    assert_eq!(
        functions(&before_tests(&code)),
        vec![("long".to_string(), 1, FUNCTION_LIMIT + 2)]
    );
}
