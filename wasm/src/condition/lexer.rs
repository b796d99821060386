//! Splits condition text into tokens, each with its byte offset.

use crate::problem::{Problem, Site};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Token<'s> {
    /// An id or a keyword; the parser tells them apart by position.
    Word(&'s str),
    Equals,
    NotEquals,
    Open,
    Close,
    OpenList,
    CloseList,
    Comma,
    End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Lexeme<'s> {
    pub token: Token<'s>,
    pub offset: usize,
}

impl Token<'_> {
    /// How an error message names the token.
    pub fn describe(self) -> String {
        match self {
            Token::Word(word) => format!("`{word}`"),
            Token::Equals => "`=`".into(),
            Token::NotEquals => "`!=`".into(),
            Token::Open => "`(`".into(),
            Token::Close => "`)`".into(),
            Token::OpenList => "`[`".into(),
            Token::CloseList => "`]`".into(),
            Token::Comma => "`,`".into(),
            Token::End => "end of condition".into(),
        }
    }
}

pub(super) fn tokenize(source: &str, site: Site) -> Result<Vec<Lexeme<'_>>, Problem> {
    let mut lexemes = Vec::new();
    let mut chars = source.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let token = match c {
            c if c.is_whitespace() => continue,
            '=' if chars.peek().is_some_and(|&(_, c)| c == '=') => {
                return Err(unexpected(site, offset, "`==`").help("write a single `=`"));
            }
            '=' => Token::Equals,
            '!' if chars.next_if(|&(_, c)| c == '=').is_some() => Token::NotEquals,
            '(' => Token::Open,
            ')' => Token::Close,
            '[' => Token::OpenList,
            ']' => Token::CloseList,
            ',' => Token::Comma,
            c if is_word_char(c) => {
                let mut end = offset + c.len_utf8();
                while let Some((i, c)) = chars.next_if(|&(_, c)| is_word_char(c)) {
                    end = i + c.len_utf8();
                }
                word(&source[offset..end], offset, site)?
            }
            other => return Err(unknown_character(other, offset, site)),
        };
        lexemes.push(Lexeme { token, offset });
    }
    lexemes.push(Lexeme {
        token: Token::End,
        offset: source.len(),
    });
    Ok(lexemes)
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

fn word(text: &str, offset: usize, site: Site) -> Result<Token<'_>, Problem> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(Problem::new(
            site,
            format!("`{text}` is not a valid id: ids are lowercase"),
        )
        .offset(offset)
        .help(format!("write `{}`", text.to_ascii_lowercase())));
    }
    Ok(Token::Word(text))
}

fn unexpected(site: Site, offset: usize, what: &str) -> Problem {
    Problem::new(site, format!("unexpected {what} in condition")).offset(offset)
}

fn unknown_character(c: char, offset: usize, site: Site) -> Problem {
    let problem = unexpected(site, offset, &format!("`{c}`"));
    match c {
        '&' => problem.help("write `and`"),
        '|' => problem.help("write `or`"),
        '!' => problem.help("write `not` before a test, or `!=` between a question and an option"),
        '"' | '\'' => problem.help("write ids without quotes"),
        _ => problem.help("ids use lowercase letters, digits, `-` and `_`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(source: &str) -> Vec<Token<'_>> {
        let lexemes = tokenize(source, Site::Definition).unwrap();
        lexemes.into_iter().map(|l| l.token).collect()
    }

    #[test]
    fn hyphenated_ids_are_one_word() {
        assert_eq!(
            tokens("occasions != twice-or-more"),
            [
                Token::Word("occasions"),
                Token::NotEquals,
                Token::Word("twice-or-more"),
                Token::End
            ]
        );
    }

    #[test]
    fn offsets_are_bytes_into_the_text() {
        let lexemes = tokenize("a in [b,c]", Site::Definition).unwrap();
        let offsets: Vec<_> = lexemes.iter().map(|l| l.offset).collect();
        assert_eq!(offsets, [0, 2, 5, 6, 7, 8, 9, 10]);
    }

    #[test]
    fn common_slips_get_help() {
        let problem = tokenize("a = x && b = y", Site::Definition).unwrap_err();
        assert_eq!(problem.offset, Some(6));
        assert_eq!(problem.message, "unexpected `&` in condition");
        assert_eq!(problem.help.as_deref(), Some("write `and`"));

        let problem = tokenize("a == x", Site::Definition).unwrap_err();
        assert_eq!(problem.help.as_deref(), Some("write a single `=`"));

        let problem = tokenize("Danger = yes", Site::Definition).unwrap_err();
        assert_eq!(problem.help.as_deref(), Some("write `danger`"));

        let problem = tokenize("a = é", Site::Definition).unwrap_err();
        assert_eq!(problem.offset, Some(4));
    }
}
