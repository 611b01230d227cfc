//! The one JSON parser of the tool: `check` (values), `fmt` and `new` (every key in its order)
//! and placing (where each value and key is) all read files through [`parse`], with a
//! [`Build`] that makes what each needs from the same grammar.
//!
//! The grammar is RFC 8259's, as `serde_json` reads it (the values agree; `tests` compares
//! them), with a nesting limit of 127. An error is typed ([`ErrorKind`]) and placed by byte
//! offsets, never worded: `check` names it for a person (`check::parse`). After an error the
//! parser goes on from the next place it can make sense of, so every slip of a file can be
//! found in one run; an error that follows from the one before (a `,` missing after a text
//! left open) is not reported again.

use std::borrow::Cow;

/// Where a value or key is: byte offsets into the text, `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// What kind of mistake the parser met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text ends inside a value (a bracket or a quote never closed).
    EndsEarly,
    /// A `,` right before `}` or `]`.
    TrailingComma,
    /// Two values (or members) without a `,` between them; `closing` is the bracket of the
    /// object or list they are in.
    MissingComma { closing: char },
    /// Where a member's name should start with `"`, something else.
    ExpectedKey,
    /// A member's name not followed by `:`.
    MissingColon,
    /// A control character (a line break, a tab) inside a text.
    ControlCharacter,
    /// A `\` that starts no JSON escape, or a `\u` escape that is half a surrogate pair.
    InvalidEscape,
    /// Something after the file's value.
    TrailingCharacters,
    /// Objects and lists nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A number JSON does not allow (`01`, `1.`, `-x`), or one too large for a double.
    InvalidNumber,
    /// Where a value should start, something that starts none (`tru`, `'`, `/`).
    ExpectedValue,
    /// [`MAX_ERRORS`] errors were found: the parser stopped here (a text that is hardly JSON
    /// at all would otherwise be said error by error, without end).
    TooManyErrors,
}

/// How many errors the parser reports before it stops reading.
pub const MAX_ERRORS: usize = 100;

/// One mistake: its kind; `at`, the byte offset of the character where the parser found it
/// (the text's length when it ended early); and `range`, the bytes it is about (the whole
/// number, the escape from its `\`, a misspelt word up to where it went wrong, or else the
/// character at `at`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub at: usize,
    pub range: Span,
    /// The parser read on from it exactly as the text was meant (past a typographic quote,
    /// a full-width comma or colon, an odd space, a missing comma before the next member, a
    /// trailing comma, a figure in full-width digits or with thousands separators): the
    /// value it made holds what the person meant there.
    pub as_meant: bool,
}

/// How deep objects and lists may nest (as in `serde_json`).
pub const MAX_DEPTH: usize = 127;

/// A string, number, boolean or null, as the text has it.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar<'t> {
    Null,
    Bool(bool),
    /// The number as written (the grammar is checked; a builder converts it); owned where
    /// the parser read a slip as the figure it was meant to be (`１０`, `1,200`).
    Number(Cow<'t, str>),
    /// The text, unescaped (borrowed from the file where it has no escapes).
    String(Cow<'t, str>),
}

/// What a caller makes of the values the parser reads, in the order they end.
pub trait Build<'t> {
    type Value;
    type Object;
    type Array;
    fn scalar(&mut self, scalar: Scalar<'t>, span: Span) -> Self::Value;
    fn object(&mut self) -> Self::Object;
    fn member(
        &mut self,
        object: &mut Self::Object,
        key: Cow<'t, str>,
        key_span: Span,
        value: Self::Value,
    );
    fn end_object(&mut self, object: Self::Object, span: Span) -> Self::Value;
    fn array(&mut self) -> Self::Array;
    fn element(&mut self, array: &mut Self::Array, value: Self::Value);
    fn end_array(&mut self, array: Self::Array, span: Span) -> Self::Value;
}

/// What [`parse`] found: the value (where the text had one, partly made if there were
/// errors) and every error, in the order of the text.
#[derive(Debug)]
pub struct Parsed<V> {
    pub value: Option<V>,
    pub errors: Vec<Error>,
    /// Errors met right after another and not reported, as following from it: where there
    /// are none, every place the parser read on from is in `errors`.
    pub unreported: usize,
}

impl<V> Parsed<V> {
    /// The value of a text without errors.
    pub fn ok(self) -> Result<V, Error> {
        match (self.value, self.errors.into_iter().next()) {
            (Some(value), None) => Ok(value),
            (_, Some(error)) => Err(error),
            // A text without a value has the error that says so.
            (None, None) => Err(Error {
                kind: ErrorKind::EndsEarly,
                at: 0,
                range: Span::default(),
                as_meant: false,
            }),
        }
    }
}

/// Reads `text` (without a BOM) with `build`.
pub fn parse<'t, B: Build<'t>>(text: &'t str, build: &mut B) -> Parsed<B::Value> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        errors: Vec::new(),
        unreported: 0,
        last_reported: false,
        member_value: false,
        since_error: 1,
        stop: false,
        build,
    };
    p.skip_ws();
    let value = p.value();
    if !p.stop {
        p.skip_ws();
        if p.pos < p.bytes.len() {
            p.error(ErrorKind::TrailingCharacters, p.pos);
        }
    }
    Parsed {
        value,
        errors: p.errors,
        unreported: p.unreported,
    }
}

/// How the parser read on after a comma missing between members or values.
enum Gap {
    /// At the next member or value.
    Next,
    /// Past the closing bracket.
    Closed,
    /// Nothing it could read as meant: the caller skips what follows.
    Unread,
}

struct Parser<'t, 'b, B: Build<'t>> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    depth: usize,
    errors: Vec<Error>,
    unreported: usize,
    /// The last error met was reported (not one following from the one before).
    last_reported: bool,
    /// The value about to be read is a member's (in an object, `1,200` is one figure).
    member_value: bool,
    /// Tokens read without error since the last error: an error met before the next token
    /// follows from the last one and is not reported.
    since_error: usize,
    /// Nothing more can be read (the text ended, or nested too deep).
    stop: bool,
    build: &'b mut B,
}

impl<'t, B: Build<'t>> Parser<'t, '_, B> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// The byte offset just past the character at `at`.
    fn char_end(&self, at: usize) -> usize {
        self.text[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8())
    }

    fn error(&mut self, kind: ErrorKind, at: usize) {
        let range = Span {
            start: at,
            end: self.char_end(at),
        };
        self.error_in(kind, at, range);
    }

    fn error_in(&mut self, kind: ErrorKind, at: usize, range: Span) {
        if self.errors.len() > MAX_ERRORS {
            return;
        }
        if kind == ErrorKind::EndsEarly || kind == ErrorKind::TooDeep {
            self.stop = true;
        }
        if self.since_error > 0 {
            self.errors.push(Error {
                kind,
                at,
                range,
                as_meant: false,
            });
            self.last_reported = true;
            if self.errors.len() == MAX_ERRORS {
                self.errors.push(Error {
                    kind: ErrorKind::TooManyErrors,
                    at,
                    range,
                    as_meant: false,
                });
                self.stop = true;
            }
        } else {
            self.unreported += 1;
            self.last_reported = false;
        }
        self.since_error = 0;
    }

    /// The error just met was read on from exactly as meant (where it was reported).
    fn as_meant(&mut self) {
        if self.last_reported
            && let Some(e) = self.errors.last_mut()
        {
            e.as_meant = true;
        }
    }

    fn token(&mut self) {
        self.since_error += 1;
    }

    fn ends_early(&mut self) {
        self.error(ErrorKind::EndsEarly, self.bytes.len());
    }

    /// Skips what cannot be read, up to the next `,`, closing bracket or line break (or
    /// past at least one character).
    fn skip_junk(&mut self) {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if matches!(b, b',' | b'}' | b']' | b'\n') && self.pos > start {
                break;
            }
            if matches!(b, b',' | b'}' | b']') {
                break;
            }
            self.pos = self.char_end(self.pos);
        }
        if self.pos == start && self.pos < self.bytes.len() && self.peek() == Some(b'\n') {
            self.pos += 1;
        }
    }

    /// The value at `pos` (whitespace skipped), or `None` where there is none.
    fn value(&mut self) -> Option<B::Value> {
        let start = self.pos;
        let member = std::mem::take(&mut self.member_value);
        match self.peek() {
            None => {
                self.ends_early();
                None
            }
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => {
                let s = self.string()?;
                let span = Span {
                    start,
                    end: self.pos,
                };
                Some(self.build.scalar(Scalar::String(s), span))
            }
            Some(b'-' | b'0'..=b'9') => self.number(member),
            Some(b't') => self.word("true", Scalar::Bool(true)),
            Some(b'f') => self.word("false", Scalar::Bool(false)),
            Some(b'n') => self.word("null", Scalar::Null),
            Some(_) => {
                self.error(ErrorKind::ExpectedValue, start);
                if self.at_odd_space() {
                    self.as_meant();
                    self.skip_odd_spaces();
                    self.token();
                    // Still the member's value (`1,200` after the spaces is one figure).
                    self.member_value = member;
                    return self.value();
                }
                if let Some((len, figure)) = full_width_number(&self.text[self.pos..], member) {
                    // A figure typed in full-width digits: read as the figure it means.
                    self.as_meant();
                    self.pos += len;
                    self.token();
                    let span = Span {
                        start,
                        end: self.pos,
                    };
                    return Some(self.build.scalar(Scalar::Number(Cow::Owned(figure)), span));
                }
                if self.at_typographic_quote() {
                    // Text pasted from a word processor: read as the text it was meant to
                    // be, so that the slips after it are found too.
                    if self.typographic_plain() {
                        self.as_meant();
                    }
                    let s = self.typographic_string();
                    let span = Span {
                        start,
                        end: self.pos,
                    };
                    return Some(self.build.scalar(Scalar::String(s), span));
                }
                self.skip_junk();
                None
            }
        }
    }

    /// Whether the text in typographic quotes at `pos` is closed on its line and holds no
    /// backslash or control character: read to its closing quote, it is the text meant (an
    /// escape between typographic quotes is not read as one).
    fn typographic_plain(&self) -> bool {
        let mut chars = self.text[self.pos..].chars();
        chars.next();
        for c in chars {
            if c == '"' || crate::chars::is_typographic_quote(c) {
                return true;
            }
            if c == '\\' || c.is_control() {
                return false;
            }
        }
        false
    }

    /// Whether a typographic or full-width double quote (“ ” „ ″ ＂) is at `pos`.
    fn at_typographic_quote(&self) -> bool {
        self.text[self.pos..]
            .chars()
            .next()
            .is_some_and(crate::chars::is_typographic_quote)
    }

    /// After an error at a typographic quote: the text up to the next quote of any kind on
    /// the same line, read as a string (a token, so that the next slip is reported).
    fn typographic_string(&mut self) -> Cow<'t, str> {
        self.pos = self.char_end(self.pos);
        // The quote is said; what follows is read as the text it was meant to be, and its own
        // slips (a line break typed in it) are said too.
        self.token();
        let start = self.pos;
        while let Some(c) = self.text[self.pos..].chars().next() {
            if c == '"' || crate::chars::is_typographic_quote(c) {
                let s = &self.text[start..self.pos];
                self.pos += c.len_utf8();
                self.token();
                return Cow::Borrowed(s);
            }
            if c == '\n' || c == '\r' {
                // A text that goes on after the line break (a paragraph typed in it) is read on;
                // one whose next line is a field or a closing bracket was not closed.
                let next = self.text[self.pos..].trim_start();
                let next_is_key = next.strip_prefix(['"', '“', '”', '＂']).is_some_and(|k| {
                    k.find(['"', '“', '”', '＂']).is_some_and(|e| {
                        k[e..]
                            .chars()
                            .skip(1)
                            .collect::<String>()
                            .trim_start()
                            .starts_with([':', '：'])
                    })
                });
                if next_is_key || next.starts_with(['}', ']', '｝', '］']) {
                    // The text was not closed: said at the line's end, and a `,` it ends
                    // with was meant to follow it.
                    self.error(ErrorKind::ControlCharacter, self.pos);
                    let kept = self.text[start..self.pos].trim_end();
                    if let Some(text) = kept.strip_suffix(',') {
                        self.pos = start + text.len();
                    }
                    break;
                }
                self.error(ErrorKind::ControlCharacter, self.pos);
                self.token();
            }
            self.pos += c.len_utf8();
        }
        Cow::Borrowed(&self.text[start..self.pos])
    }

    /// After an error where a no-break, full-width or other space stands between the parts
    /// (text pasted from mail or Word): those spaces are skipped, as the spaces they look like,
    /// so that the rest of the line is read and its own slips found.
    fn skip_odd_spaces(&mut self) -> bool {
        let start = self.pos;
        while let Some(c) = self.text[self.pos..].chars().next() {
            if c == ' ' || c == '\t' || c == '\n' || c == '\r' || crate::chars::is_space(c) {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        self.pos > start
    }

    /// Whether a no-break, full-width or other space that JSON does not allow is at `pos`.
    fn at_odd_space(&self) -> bool {
        self.text[self.pos..]
            .chars()
            .next()
            .is_some_and(|c| c != ' ' && crate::chars::is_space(c))
    }

    /// Whether one of `forms` is the character at `pos`.
    fn at_full_width(&self, forms: &[char]) -> bool {
        self.text[self.pos..]
            .chars()
            .next()
            .is_some_and(|c| forms.contains(&c))
    }

    /// After a missing `,` or `:`: its full-width or Japanese form (，、 or ：) at `pos`, read
    /// as what it stands for.
    fn take_full_width(&mut self, forms: &[char]) -> bool {
        match self.text[self.pos..].chars().next() {
            Some(c) if forms.contains(&c) => {
                self.as_meant();
                self.pos += c.len_utf8();
                self.token();
                true
            }
            _ => false,
        }
    }

    fn word(&mut self, word: &'static str, scalar: Scalar<'t>) -> Option<B::Value> {
        let start = self.pos;
        for &expected in word.as_bytes() {
            match self.peek() {
                None => {
                    self.ends_early();
                    return None;
                }
                Some(b) if b == expected => self.pos += 1,
                Some(_) => {
                    let at = self.pos;
                    let range = Span {
                        start,
                        end: self.char_end(at),
                    };
                    self.error_in(ErrorKind::ExpectedValue, at, range);
                    self.skip_junk();
                    return None;
                }
            }
        }
        self.token();
        let span = Span {
            start,
            end: self.pos,
        };
        Some(self.build.scalar(scalar, span))
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    /// A number; `member`: it is a member's value, where a comma between digits
    /// (`1,200`, `1，200`) can only be a thousands separator, said once and read past.
    fn number(&mut self, member: bool) -> Option<B::Value> {
        let start = self.pos;
        // The number as far as it goes, for an error's range.
        let bad = |p: &mut Self, at: usize| {
            let mut end = at;
            while let Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-') = p.bytes.get(end) {
                end += 1;
            }
            let range = Span {
                start,
                end: end.max(p.char_end(at)),
            };
            p.error_in(ErrorKind::InvalidNumber, at, range);
            p.skip_junk();
            None
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            None => {
                self.ends_early();
                return None;
            }
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return bad(self, self.pos);
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(_) => return bad(self, self.pos),
        }
        // The figure without its thousands separators, where it has them (never after a
        // leading 0: `0,016` is not a figure).
        let groups = member
            && self.bytes[start..self.pos]
                .iter()
                .any(|b| matches!(b, b'1'..=b'9'));
        let mut grouped: Option<String> = None;
        while groups && let Some(len) = thousands_group(&self.text[self.pos..]) {
            let separator = self.pos;
            let first = grouped.is_none();
            grouped
                .get_or_insert_with(|| String::from(&self.text[start..separator]))
                .push_str(&self.text[separator + len - 3..separator + len]);
            if first {
                // The first group: said as the parser meets such a slip elsewhere (a digit
                // where the next name belongs, or a full-width comma between values).
                if self.bytes[separator] == b',' {
                    self.error(ErrorKind::ExpectedKey, separator + 1);
                } else {
                    self.error(ErrorKind::MissingComma { closing: '}' }, separator);
                }
                self.as_meant();
                self.token();
            }
            self.pos += len;
        }
        let integer_end = self.pos;
        let mut float = false;
        if self.peek() == Some(b'.') {
            float = true;
            self.pos += 1;
            if self.digits() == 0 {
                return match self.peek() {
                    None => {
                        self.ends_early();
                        None
                    }
                    Some(_) => bad(self, self.pos),
                };
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            float = true;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return match self.peek() {
                    None => {
                        self.ends_early();
                        None
                    }
                    Some(_) => bad(self, self.pos),
                };
            }
        }
        let literal: Cow<'t, str> = match grouped {
            Some(mut figure) => {
                figure.push_str(&self.text[integer_end..self.pos]);
                Cow::Owned(figure)
            }
            None => Cow::Borrowed(&self.text[start..self.pos]),
        };
        // Too large for a double (an integer of up to 19 digits always fits).
        let digits = literal.trim_start_matches('-').len();
        if (float || digits > 19) && !literal.parse::<f64>().is_ok_and(f64::is_finite) {
            let at = self.pos - 1;
            let range = Span {
                start,
                end: self.pos,
            };
            self.error_in(ErrorKind::InvalidNumber, at, range);
            return None;
        }
        self.token();
        let span = Span {
            start,
            end: self.pos,
        };
        Some(self.build.scalar(Scalar::Number(literal), span))
    }

    /// The string at `pos` (its opening quote), unescaped; `pos` ends past its closing quote.
    /// A line break ends it, as an error (the text was not closed).
    fn string(&mut self) -> Option<Cow<'t, str>> {
        self.pos += 1;
        let mut owned: Option<String> = None;
        let mut from = self.pos;
        loop {
            let Some(found) = memchr::memchr2(b'"', b'\\', &self.bytes[self.pos..]) else {
                // No closing quote: a control character before the end is the error.
                if let Some(i) = self.bytes[self.pos..].iter().position(|&b| b < 0x20) {
                    return self.control_character(from, self.pos + i, owned);
                }
                self.pos = self.bytes.len();
                self.ends_early();
                return None;
            };
            let stop = self.pos + found;
            if let Some(i) = self.bytes[self.pos..stop].iter().position(|&b| b < 0x20) {
                return self.control_character(from, self.pos + i, owned);
            }
            if self.bytes[stop] == b'"' {
                self.pos = stop + 1;
                self.token();
                return Some(match owned {
                    None => Cow::Borrowed(&self.text[from..stop]),
                    Some(mut s) => {
                        s.push_str(&self.text[from..stop]);
                        Cow::Owned(s)
                    }
                });
            }
            // A backslash.
            let s = owned.get_or_insert_with(String::new);
            s.push_str(&self.text[from..stop]);
            self.pos = stop + 1;
            match self.escape() {
                Ok(c) => {
                    owned.get_or_insert_with(String::new).push(c);
                }
                Err(None) => return None,
                Err(Some(at)) => {
                    let range = Span {
                        start: stop,
                        end: self.char_end(stop + 1),
                    };
                    self.error_in(ErrorKind::InvalidEscape, at, range);
                    // The text goes on after the escape.
                    if self.pos <= stop + 1 {
                        self.pos = self.char_end(stop + 1);
                    }
                }
            }
            from = self.pos;
        }
    }

    /// A control character at `at` inside a string whose text since an escape starts at
    /// `from`: a line break ends the string there; after another, the text goes on.
    fn control_character(
        &mut self,
        from: usize,
        at: usize,
        owned: Option<String>,
    ) -> Option<Cow<'t, str>> {
        self.error(ErrorKind::ControlCharacter, at);
        let mut s = owned.unwrap_or_default();
        s.push_str(&self.text[from..at]);
        // A text left open at the end of its line: a `,` that ends it was meant to follow it.
        let mut end = at;
        if self.bytes[at] == b'\n' || self.bytes[at] == b'\r' {
            // Only where the text itself ends so (an escape dropped before the line's end must
            // not make another character look like the comma).
            let kept = s.trim_end();
            let written = self.text[..at].trim_end();
            if kept.ends_with(',') && written.ends_with(',') {
                end = written.len() - 1;
                s.truncate(kept.len() - 1);
            }
        } else {
            // A tab or another control character: the text goes on to its quote.
            self.pos = at + 1;
            return self.rest_of_string(s);
        }
        self.pos = end;
        Some(Cow::Owned(s))
    }

    /// After an error inside a string: the rest of it, up to its quote or the line's end.
    fn rest_of_string(&mut self, mut s: String) -> Option<Cow<'t, str>> {
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    self.pos += 1;
                    return Some(Cow::Owned(s));
                }
                b'\n' => return Some(Cow::Owned(s)),
                b'\\' => self.pos = self.char_end((self.pos + 1).min(self.bytes.len() - 1)),
                _ => {
                    let end = self.char_end(self.pos);
                    s.push_str(&self.text[self.pos..end]);
                    self.pos = end;
                }
            }
        }
        self.ends_early();
        None
    }

    /// The character of the escape whose `\` is just before `pos`; on an error, where it is
    /// (`None` when the text ends).
    fn escape(&mut self) -> Result<char, Option<usize>> {
        let Some(b) = self.peek() else {
            self.ends_early();
            return Err(None);
        };
        let at = self.pos;
        self.pos = self.char_end(at);
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                match first {
                    0xD800..=0xDBFF => {
                        // A leading surrogate: its trailing half must follow as `\uDC00`–`\uDFFF`.
                        if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                            return Err(Some(at));
                        }
                        let back = self.pos;
                        self.pos += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            self.pos = back;
                            return Err(Some(at));
                        }
                        let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        char::from_u32(c).ok_or(Some(at))?
                    }
                    0xDC00..=0xDFFF => return Err(Some(at)),
                    c => char::from_u32(c).ok_or(Some(at))?,
                }
            }
            _ => return Err(Some(at)),
        })
    }

    /// Four hex digits at `pos`.
    fn hex4(&mut self) -> Result<u32, Option<usize>> {
        // Four bytes, whatever they are, or the text ends early (as serde_json reads it).
        if self.pos + 4 > self.bytes.len() {
            self.pos = self.bytes.len();
            self.ends_early();
            return Err(None);
        }
        let mut n = 0;
        for _ in 0..4 {
            let b = self.bytes[self.pos];
            let Some(d) = (b as char).to_digit(16) else {
                return Err(Some(self.pos));
            };
            n = n * 16 + d;
            self.pos += 1;
        }
        Ok(n)
    }

    fn enter(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.error(ErrorKind::TooDeep, self.pos);
            return false;
        }
        true
    }

    fn object(&mut self) -> Option<B::Value> {
        let start = self.pos;
        if !self.enter() {
            return None;
        }
        self.pos += 1;
        self.token();
        let mut object = self.build.object();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Some(self.close_object(object, start));
        }
        // Whether the name now read follows a member's `,`.
        let mut after_comma = false;
        loop {
            if self.stop {
                self.depth -= 1;
                return None;
            }
            self.skip_ws();
            // The member's name.
            let key_start = self.pos;
            let key = match self.peek() {
                None => {
                    self.ends_early();
                    continue;
                }
                Some(b'"') => self.string(),
                Some(b'}') if self.since_error == 0 => {
                    self.pos += 1;
                    return Some(self.close_object(object, start));
                }
                Some(_) if self.at_odd_space() => {
                    self.error(ErrorKind::ExpectedKey, key_start);
                    self.as_meant();
                    self.skip_odd_spaces();
                    if self.peek() == Some(b'}') {
                        // After a member's `,`, the object ends: that comma is a slip too.
                        if after_comma {
                            self.token();
                            self.error(ErrorKind::TrailingComma, self.pos);
                            self.as_meant();
                        }
                        self.pos += 1;
                        return Some(self.close_object(object, start));
                    }
                    self.token();
                    continue;
                }
                Some(_) => {
                    self.error(ErrorKind::ExpectedKey, key_start);
                    if self.at_typographic_quote() {
                        if self.typographic_plain() {
                            self.as_meant();
                        }
                        Some(self.typographic_string())
                    } else {
                        self.skip_junk();
                        None
                    }
                }
            };
            let key_span = Span {
                start: key_start,
                end: self.pos,
            };
            if let Some(key) = key {
                self.skip_ws();
                match self.peek() {
                    None => {
                        self.ends_early();
                        continue;
                    }
                    Some(b':') => {
                        self.pos += 1;
                        self.token();
                    }
                    Some(_) => {
                        self.error(ErrorKind::MissingColon, self.pos);
                        if self.at_odd_space() {
                            self.skip_odd_spaces();
                            if self.peek() == Some(b':') {
                                self.as_meant();
                                self.pos += 1;
                            } else if !self.at_full_width(&['：']) {
                                // No colon after the spaces either: said too.
                                self.token();
                                self.error(ErrorKind::MissingColon, self.pos);
                            }
                        }
                        self.take_full_width(&['：']);
                    }
                }
                self.skip_ws();
                self.member_value = true;
                if let Some(value) = self.value() {
                    self.build.member(&mut object, key, key_span, value);
                }
            }
            if self.stop {
                continue;
            }
            // After a member: `,` and the next, or the end.
            self.skip_ws();
            after_comma = false;
            match self.peek() {
                None => self.ends_early(),
                Some(b',') => {
                    self.pos += 1;
                    self.token();
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        self.error(ErrorKind::TrailingComma, self.pos);
                        self.as_meant();
                        self.pos += 1;
                        return Some(self.close_object(object, start));
                    }
                    after_comma = true;
                }
                Some(b'}') => {
                    self.pos += 1;
                    self.token();
                    return Some(self.close_object(object, start));
                }
                Some(b']') if self.since_error == 0 => {
                    self.pos += 1;
                    return Some(self.close_object(object, start));
                }
                Some(b) => {
                    self.error(ErrorKind::MissingComma { closing: '}' }, self.pos);
                    // A full-width comma stands for one (but not between digits: `1，200` is a
                    // figure with its thousands separated); the next member may start here;
                    // anything else is skipped.
                    let digit_next = self.text[self.pos..]
                        .chars()
                        .nth(1)
                        .is_some_and(crate::chars::is_digit);
                    let member = |p: &Self| p.peek() == Some(b'"') || p.at_typographic_quote();
                    match self.after_missing_comma(b'}', !digit_next, member, member) {
                        Gap::Next => continue,
                        Gap::Closed => return Some(self.close_object(object, start)),
                        Gap::Unread => {}
                    }
                    if self.at_typographic_quote() {
                        // The next name in typographic quotes: a slip of its own, said too.
                        self.as_meant();
                        self.token();
                    } else if b == b'"' {
                        // The next member: only its comma is missing.
                        self.as_meant();
                    } else {
                        self.skip_junk();
                        if self.peek() == Some(b',') {
                            self.pos += 1;
                        }
                    }
                }
            }
        }
    }

    /// After a comma missing in an object or a list that `closing` closes: a full-width comma
    /// (where `full_width_comma`) or odd spaces read as what they stand for. `next`: a member
    /// or value starts at `pos`, its comma said missing too; `meant`: one that is read on from
    /// as meant.
    fn after_missing_comma(
        &mut self,
        closing: u8,
        full_width_comma: bool,
        next: impl Fn(&Self) -> bool,
        meant: impl Fn(&Self) -> bool,
    ) -> Gap {
        if full_width_comma && self.take_full_width(&['，', '、']) {
            self.skip_ws();
            if self.peek() == Some(closing) {
                // A full-width comma before the closing bracket (a trailing comma, as check
                // says it): it closes, as meant.
                self.pos += 1;
                return Gap::Closed;
            }
            return Gap::Next;
        }
        if !self.at_odd_space() {
            return Gap::Unread;
        }
        self.skip_odd_spaces();
        match self.peek() {
            Some(b',') => {
                self.as_meant();
                self.token();
                self.pos += 1;
                self.token();
                Gap::Next
            }
            Some(b) if b == closing => {
                self.as_meant();
                self.token();
                self.pos += 1;
                Gap::Closed
            }
            // The next member or value after the spaces: its comma is missing too.
            _ => {
                self.token();
                if next(self) {
                    let meant = meant(self);
                    if meant {
                        self.as_meant();
                    }
                    self.error(
                        ErrorKind::MissingComma {
                            closing: char::from(closing),
                        },
                        self.pos,
                    );
                    if meant {
                        self.as_meant();
                    }
                    self.token();
                }
                Gap::Next
            }
        }
    }

    fn close_object(&mut self, object: B::Object, start: usize) -> B::Value {
        self.depth -= 1;
        let span = Span {
            start,
            end: self.pos,
        };
        self.build.end_object(object, span)
    }

    fn array(&mut self) -> Option<B::Value> {
        let start = self.pos;
        if !self.enter() {
            return None;
        }
        self.pos += 1;
        self.token();
        let mut array = self.build.array();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Some(self.close_array(array, start));
        }
        loop {
            if self.stop {
                self.depth -= 1;
                return None;
            }
            self.skip_ws();
            if let Some(value) = self.value() {
                self.build.element(&mut array, value);
            }
            if self.stop {
                continue;
            }
            self.skip_ws();
            match self.peek() {
                None => self.ends_early(),
                Some(b',') => {
                    self.pos += 1;
                    self.token();
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        self.error(ErrorKind::TrailingComma, self.pos);
                        self.as_meant();
                        self.pos += 1;
                        return Some(self.close_array(array, start));
                    }
                }
                Some(b']') => {
                    self.pos += 1;
                    self.token();
                    return Some(self.close_array(array, start));
                }
                Some(b'}') if self.since_error == 0 => {
                    self.pos += 1;
                    return Some(self.close_array(array, start));
                }
                Some(_) => {
                    self.error(ErrorKind::MissingComma { closing: ']' }, self.pos);
                    // A full-width comma stands for one; the next value may start here;
                    // anything else is skipped.
                    // Two figures side by side may be one figure: only a text, object or list after
                    // the gap is read as meant.
                    let value = |p: &Self| p.starts_value() || p.at_typographic_quote();
                    let text = |p: &Self| {
                        p.at_typographic_quote() || matches!(p.peek(), Some(b'"' | b'{' | b'['))
                    };
                    match self.after_missing_comma(b']', true, value, text) {
                        Gap::Next => continue,
                        Gap::Closed => return Some(self.close_array(array, start)),
                        Gap::Unread => {}
                    }
                    if self.at_typographic_quote() {
                        // The next text in typographic quotes: a slip of its own, said too.
                        self.as_meant();
                        self.token();
                    } else if matches!(self.peek(), Some(b'"' | b'{' | b'[')) {
                        // The next text, object or list: only its comma is missing (two
                        // figures side by side may be one figure).
                        self.as_meant();
                    } else if !self.starts_value() {
                        self.skip_junk();
                        if self.peek() == Some(b',') {
                            self.pos += 1;
                        }
                    }
                }
            }
        }
    }

    fn starts_value(&self) -> bool {
        matches!(
            self.peek(),
            Some(b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n')
        )
    }

    fn close_array(&mut self, array: B::Array, start: usize) -> B::Value {
        self.depth -= 1;
        let span = Span {
            start,
            end: self.pos,
        };
        self.build.end_array(array, span)
    }
}

/// Where every value and key of a text is, for placing a diagnostic by its JSON Pointer and
/// finding the keys written twice.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub span: Span,
    pub inner: Inner,
}

/// What a [`Located`] value holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Inner {
    Scalar,
    Array(Vec<Located>),
    /// The members in the order written: name, where the name is, the value.
    Object(Vec<(String, Span, Located)>),
}

impl Located {
    /// Where each value and key of `text` is (as far as it could be read).
    pub fn of(text: &str) -> Option<Located> {
        parse(text, &mut Locate).value
    }

    /// The JSON Pointer of the innermost object that holds the byte `offset` (`""` for the
    /// whole text's), if an object does.
    pub fn object_at(&self, offset: usize) -> Option<String> {
        let inside = |span: &Span| span.start <= offset && offset < span.end;
        if !inside(&self.span) {
            return None;
        }
        let mut node = self;
        let mut pointer = String::new();
        let mut found = None;
        loop {
            let next = match &node.inner {
                Inner::Scalar => None,
                Inner::Object(members) => {
                    found = Some(pointer.clone());
                    members
                        .iter()
                        .find(|(_, _, v)| inside(&v.span))
                        .map(|(k, _, v)| (k.replace('~', "~0").replace('/', "~1"), v))
                }
                Inner::Array(items) => items
                    .iter()
                    .enumerate()
                    .find(|(_, v)| inside(&v.span))
                    .map(|(i, v)| (i.to_string(), v)),
            };
            let Some((segment, child)) = next else {
                return found;
            };
            pointer.push('/');
            pointer.push_str(&segment);
            node = child;
        }
    }

    /// The value at the JSON Pointer `pointer`, and the span of its key if it is a member
    /// (of a name written twice, the last one, as the values have it).
    pub fn at(&self, pointer: &str) -> Option<(Option<Span>, &Located)> {
        if pointer.is_empty() {
            return Some((None, self));
        }
        let mut node = self;
        let mut key = None;
        for segment in pointer.strip_prefix('/')?.split('/') {
            let segment = segment.replace("~1", "/").replace("~0", "~");
            match &node.inner {
                Inner::Object(members) => {
                    let (_, k, v) = members.iter().rev().find(|(name, ..)| *name == segment)?;
                    key = Some(*k);
                    node = v;
                }
                Inner::Array(items) => {
                    node = items.get(segment.parse::<usize>().ok()?)?;
                    key = None;
                }
                Inner::Scalar => return None,
            }
        }
        Some((key, node))
    }

    /// Every name written a second time in the same object, with where it is, in the order
    /// of the text.
    pub fn repeated_keys(&self) -> Vec<(Span, String)> {
        let mut found = Vec::new();
        self.repeated(&mut found);
        found.sort_by_key(|(span, _)| span.start);
        found
    }

    fn repeated(&self, found: &mut Vec<(Span, String)>) {
        match &self.inner {
            Inner::Scalar => {}
            Inner::Array(items) => items.iter().for_each(|i| i.repeated(found)),
            Inner::Object(members) => {
                let mut seen = std::collections::HashSet::new();
                for (name, span, value) in members {
                    if !seen.insert(name.as_str()) {
                        found.push((*span, name.clone()));
                    }
                    value.repeated(found);
                }
            }
        }
    }
}

/// A thousands group at the start of `rest`: a comma (or a full-width one) and exactly three
/// digits not followed by another; its length in bytes.
pub fn thousands_group(rest: &str) -> Option<usize> {
    let separator = rest.chars().next().filter(|c| matches!(c, ',' | '，'))?;
    let digits = &rest.as_bytes()[separator.len_utf8()..];
    let three = digits.len() >= 3 && digits[..3].iter().all(u8::is_ascii_digit);
    let more = digits.get(3).is_some_and(u8::is_ascii_digit);
    (three && !more).then_some(separator.len_utf8() + 3)
}

/// A figure typed in full-width digits (with a full-width or ASCII point, sign or exponent,
/// and, as a member's value, thousands separators) at the start of `rest`, which is a JSON
/// number once it is ASCII: its length in bytes and the number.
pub fn full_width_number(rest: &str, member: bool) -> Option<(usize, String)> {
    let digit = crate::chars::is_digit;
    // It starts full-width (a figure that starts in ASCII is read as a number).
    if !rest.starts_with(|c: char| ('０'..='９').contains(&c) || matches!(c, '－' | '＋' | '．'))
    {
        return None;
    }
    let chars: Vec<char> = rest.chars().take(64).collect();
    let mut len = 0;
    let mut ascii = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        // `１，２００`: a separator between a digit and a group of exactly three.
        let group = member
            && c == '，'
            && !ascii.trim_start_matches(['-', '+']).starts_with('0')
            && ascii
                .trim_start_matches(['-', '+'])
                .bytes()
                .all(|b| b.is_ascii_digit())
            && ascii.ends_with(|a: char| a.is_ascii_digit())
            && chars
                .get(i + 1..i + 4)
                .is_some_and(|g| g.iter().all(|c| digit(*c)))
            && !chars.get(i + 4).is_some_and(|c| digit(*c));
        if group {
            len += c.len_utf8();
            i += 1;
            continue;
        }
        let a = match c {
            '０'..='９' | '．' | '－' | '＋' | 'ｅ' | 'Ｅ' => {
                char::from_u32(c as u32 - 0xFEE0)?
            }
            '0'..='9' | '.' | '-' | '+' | 'e' | 'E' => c,
            _ => break,
        };
        ascii.push(a);
        len += c.len_utf8();
        i += 1;
    }
    // The digits as ASCII are read by this parser: they hold nothing full-width any more.
    let number = matches!(
        parse(&ascii, &mut ToValue).ok(),
        Ok(serde_json::Value::Number(_))
    );
    number.then_some((len, ascii))
}

/// The [`Build`] of [`Located`].
struct Locate;

impl<'t> Build<'t> for Locate {
    type Value = Located;
    type Object = Vec<(String, Span, Located)>;
    type Array = Vec<Located>;

    fn scalar(&mut self, _: Scalar<'t>, span: Span) -> Located {
        Located {
            span,
            inner: Inner::Scalar,
        }
    }
    fn object(&mut self) -> Self::Object {
        Vec::new()
    }
    fn member(&mut self, object: &mut Self::Object, key: Cow<'t, str>, at: Span, value: Located) {
        object.push((key.into_owned(), at, value));
    }
    fn end_object(&mut self, object: Self::Object, span: Span) -> Located {
        Located {
            span,
            inner: Inner::Object(object),
        }
    }
    fn array(&mut self) -> Self::Array {
        Vec::new()
    }
    fn element(&mut self, array: &mut Self::Array, value: Located) {
        array.push(value);
    }
    fn end_array(&mut self, array: Self::Array, span: Span) -> Located {
        Located {
            span,
            inner: Inner::Array(array),
        }
    }
}

/// A `serde_json::Value` of the text, numbers as `serde_json` reads them.
pub struct ToValue;

/// The `serde_json::Number` of a number as written (checked by the parser).
pub fn number(literal: &str) -> serde_json::Number {
    if let Ok(n) = literal.parse::<u64>() {
        return n.into();
    }
    if literal != "-0"
        && let Ok(n) = literal.parse::<i64>()
    {
        return n.into();
    }
    // Fractions, exponents, -0 and integers out of the 64-bit range read as serde_json does.
    serde_json::from_str(literal).unwrap_or_else(|_| serde_json::Number::from(0u8))
}

impl<'t> Build<'t> for ToValue {
    type Value = serde_json::Value;
    type Object = serde_json::Map<String, serde_json::Value>;
    type Array = Vec<serde_json::Value>;

    fn scalar(&mut self, scalar: Scalar<'t>, _: Span) -> serde_json::Value {
        use serde_json::Value;
        match scalar {
            Scalar::Null => Value::Null,
            Scalar::Bool(b) => Value::Bool(b),
            Scalar::Number(n) => Value::Number(number(&n)),
            Scalar::String(s) => Value::String(s.into_owned()),
        }
    }
    fn object(&mut self) -> Self::Object {
        serde_json::Map::new()
    }
    fn member(
        &mut self,
        object: &mut Self::Object,
        key: Cow<'t, str>,
        _: Span,
        value: Self::Value,
    ) {
        object.insert(key.into_owned(), value);
    }
    fn end_object(&mut self, object: Self::Object, _: Span) -> serde_json::Value {
        serde_json::Value::Object(object)
    }
    fn array(&mut self) -> Self::Array {
        Vec::new()
    }
    fn element(&mut self, array: &mut Self::Array, value: Self::Value) {
        array.push(value);
    }
    fn end_array(&mut self, array: Self::Array, _: Span) -> serde_json::Value {
        serde_json::Value::Array(array)
    }
}

/// The value of a JSON text without errors (as `serde_json::from_str`).
pub fn value(text: &str) -> Result<serde_json::Value, Error> {
    parse(text, &mut ToValue).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The kind `serde_json` names in its message, and the byte offset it points at.
    fn serde_error(text: &str) -> Option<(ErrorKind, Option<usize>)> {
        let e = serde_json::from_str::<serde_json::Value>(text).err()?;
        let raw = e.to_string();
        let kind = [
            ("EOF while parsing", ErrorKind::EndsEarly),
            ("trailing comma", ErrorKind::TrailingComma),
            (
                "expected `,` or `}`",
                ErrorKind::MissingComma { closing: '}' },
            ),
            (
                "expected `,` or `]`",
                ErrorKind::MissingComma { closing: ']' },
            ),
            ("key must be a string", ErrorKind::ExpectedKey),
            ("expected `:`", ErrorKind::MissingColon),
            ("control character", ErrorKind::ControlCharacter),
            ("invalid escape", ErrorKind::InvalidEscape),
            ("invalid unicode", ErrorKind::InvalidEscape),
            ("lone leading surrogate", ErrorKind::InvalidEscape),
            ("unexpected end of hex escape", ErrorKind::InvalidEscape),
            ("trailing characters", ErrorKind::TrailingCharacters),
            ("recursion limit", ErrorKind::TooDeep),
            ("invalid number", ErrorKind::InvalidNumber),
            ("number out of range", ErrorKind::InvalidNumber),
            ("expected value", ErrorKind::ExpectedValue),
            ("expected ident", ErrorKind::ExpectedValue),
        ]
        .into_iter()
        .find(|(prefix, _)| raw.starts_with(prefix))
        .map(|(_, kind)| kind)
        .unwrap_or_else(|| panic!("{raw}"));
        // serde_json's 1-based line and byte column; column 0 is the line break before.
        let line_start = match e.line() {
            0 | 1 => 0,
            n => text
                .match_indices('\n')
                .nth(n - 2)
                .map_or(text.len(), |(i, _)| i + 1),
        };
        let offset = (line_start + e.column()).saturating_sub(1).min(text.len());
        // Where serde_json stops after an escape or a number differs; the ranges say more.
        let placed = !matches!(
            kind,
            ErrorKind::EndsEarly | ErrorKind::InvalidEscape | ErrorKind::InvalidNumber
        );
        Some((kind, placed.then_some(offset)))
    }

    fn check_agrees(text: &str) {
        let mine = parse(text, &mut ToValue);
        match serde_error(text) {
            None => {
                assert_eq!(mine.errors, vec![], "{text:?}");
                let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
                assert_eq!(mine.value, Some(theirs), "{text:?}");
            }
            Some((kind, offset)) => {
                let first = mine.errors.first().unwrap_or_else(|| panic!("{text:?}"));
                assert_eq!(first.kind, kind, "{text:?}");
                if let Some(offset) = offset {
                    assert_eq!(first.at, offset, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn reads_what_serde_json_reads_and_stops_where_it_stops() {
        for text in [
            r#"{"a": [1, -2, 3.5, 1e300, true, null, "x", {"b": {}}], "c": 18446744073709551615}"#,
            "[]",
            "{}",
            " 1 ",
            "-0",
            "0.125",
            "1E5",
            "1.0e+2",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "\"\\u3042\\ud83d\\ude00\"",
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
            "\"\u{7f}\"",
            r#"{"a": 1, "a": 2}"#,
            "",
            "  ",
            "[1,]",
            "{\"a\":1,}",
            "{,}",
            "[,]",
            "tru",
            "nul}",
            "ture",
            "\"a",
            "[1",
            "{\"a\"",
            "{\"a\":",
            "\"a\tb\"",
            "\"\\x\"",
            "[]]",
            "1 2",
            "-01",
            "00",
            "1e5.5",
            "[1e}",
            "[1.}",
            "[-]",
            "[-",
            "1e",
            "1.",
            "1e+",
            "{\"a\" \"b\"}",
            "{\"a\"}",
            "[1 \"x\"]",
            "{\"a\":1 x}",
            "\"\\u00",
            "\"\\",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"\\u12G4\"",
            "1e400",
            "-1e400",
            "[1,,2]",
            "{\"a\":1,,}",
            "{\"a\": １}",
            "{\"a\"：1}",
            "{\"a\": “x”}",
            "{'a': 1}",
            "{\n  // c\n  \"a\": 1\n}",
            "{\"a\": 80%}",
            "{\"a\": \"x\"y\"}",
            "{\"target\": 1,200}",
            "[1 true]",
        ] {
            check_agrees(text);
        }
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        check_agrees(&deep(MAX_DEPTH));
        check_agrees(&deep(MAX_DEPTH + 1));
        check_agrees(&deep(200));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Any text built from the pieces of JSON and of its usual slips.
        #[test]
        fn agrees_with_serde_json_on_any_text(pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "{", "}", "[", "]", ",", ":", "\"", "\"a\"", "\"行政\"", " ", "\n", "\t", "1", "0",
                "-", ".", "e", "+", "true", "fals", "null", "\\", "\\u", "d800", "\\n", "x",
                "，", "：", "“", "”", "　", "/", "'", "%", "件", "\r",
            ]),
            0..24,
        )) {
            let text: String = pieces.concat();
            check_agrees(&text);
            // Every error is inside the text, and the parser always ends.
            for e in parse(&text, &mut ToValue).errors {
                prop_assert!(e.range.start <= e.range.end && e.range.end <= text.len());
                prop_assert!(e.at <= text.len());
            }
        }
    }

    /// Figures as staff type them are read as the figures they mean, each said once: full-width
    /// digits, thousands separators in a member's value (never in a list, where `1,200` is two
    /// numbers), and not a group that is not three digits.
    #[test]
    fn figures_typed_with_full_width_digits_or_separators_are_read_as_meant() {
        let read = |text: &str| {
            let parsed = parse(text, &mut ToValue);
            let kinds: Vec<ErrorKind> = parsed.errors.iter().map(|e| e.kind).collect();
            (parsed.value, kinds, parsed.unreported)
        };
        let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        assert_eq!(
            read("{\"a\": 1,200, \"b\": 1,200,000.5}"),
            (
                Some(value("{\"a\": 1200, \"b\": 1200000.5}")),
                vec![ErrorKind::ExpectedKey, ErrorKind::ExpectedKey],
                0
            )
        );
        assert_eq!(
            read("{\"a\": 1，200}"),
            (
                Some(value("{\"a\": 1200}")),
                vec![ErrorKind::MissingComma { closing: '}' }],
                0
            )
        );
        assert_eq!(
            read("{\"a\": １，２００, \"b\": －３．５}"),
            (
                Some(value("{\"a\": 1200, \"b\": -3.5}")),
                vec![ErrorKind::ExpectedValue, ErrorKind::ExpectedValue],
                0
            )
        );
        assert_eq!(read("[1,200]"), (Some(value("[1, 200]")), vec![], 0));
        // Not a group of three: the comma is not read past.
        let (_, kinds, _) = read("{\"a\": 1,20}");
        assert_eq!(kinds, vec![ErrorKind::ExpectedKey]);
        assert_eq!(full_width_number("e", true), None);
        assert_eq!(full_width_number("１２．", true), None);
    }

    #[test]
    fn goes_on_after_an_error_and_finds_the_next() {
        let kinds = |text: &str| -> Vec<(ErrorKind, usize)> {
            parse(text, &mut ToValue)
                .errors
                .into_iter()
                .map(|e| (e.kind, e.at))
                .collect()
        };
        // A missing comma on line 2, a trailing comma on line 4, a word misspelt on line 5.
        let text = "{\n  \"id\": \"1\"\n  \"title\": \"x\",\n  \"departments\": [\"a\",],\n  \"and_others\": ture\n}";
        assert_eq!(
            kinds(text),
            vec![
                (
                    ErrorKind::MissingComma { closing: '}' },
                    text.find("\"title").unwrap()
                ),
                (ErrorKind::TrailingComma, text.find("],").unwrap()),
                (ErrorKind::ExpectedValue, text.find("ure").unwrap()),
            ]
        );
        // A text left open at the end of its line is one error, not two: the next member
        // follows on the next line.
        let text = "{\n  \"title\": \"行政,\n  \"id\": 1,\n  \"x\": [1 2]\n}";
        assert_eq!(
            kinds(text),
            vec![
                (ErrorKind::ControlCharacter, text.find(",\n").unwrap() + 1),
                (
                    ErrorKind::MissingComma { closing: ']' },
                    text.find("2]").unwrap()
                )
            ]
        );
        // A text left open after an escape that is not one, then a line break: no panic.
        let text = "{\n  \"title\": \"行政,\\「\n  \"id\": 1\n}";
        assert_eq!(kinds(text)[0].0, ErrorKind::InvalidEscape);
        // Full-width punctuation and a comment, each once.
        let text = "{\n  // c\n  \"a\": 1，\n  \"b\"：2\n}";
        assert_eq!(
            kinds(text),
            vec![
                (ErrorKind::ExpectedKey, text.find("//").unwrap()),
                (
                    ErrorKind::MissingComma { closing: '}' },
                    text.find('，').unwrap()
                ),
                (ErrorKind::MissingColon, text.find('：').unwrap()),
            ]
        );
        // What could be read is kept.
        let parsed = parse("{\"a\": 1, \"b\": tru, \"c\": [2,]}", &mut ToValue);
        assert_eq!(parsed.value, Some(serde_json::json!({"a": 1, "c": [2]})));
    }

    const DOC: &str = "{\n  \"id\": \"1-3-1\",\n  \"title\": \"デジタル\\\"x\",\n  \"departments\": [\n    \"DX戦略課\",\n    \"生涯学習課\"\n  ],\n  \"a/b\": {\"c\": [1, {\"d\": null}]}\n}\n";

    fn text_at(pointer: &str, key: bool) -> Option<&'static str> {
        let located = Located::of(DOC)?;
        let (k, v) = located.at(pointer)?;
        let span = if key { k? } else { v.span };
        Some(&DOC[span.start..span.end])
    }

    #[test]
    fn places_values_and_keys_by_pointer() {
        assert_eq!(text_at("/id", false), Some("\"1-3-1\""));
        assert_eq!(text_at("/id", true), Some("\"id\""));
        assert_eq!(text_at("/title", false), Some("\"デジタル\\\"x\""));
        assert_eq!(text_at("/departments/1", false), Some("\"生涯学習課\""));
        assert!(text_at("/departments", false).unwrap().starts_with("[\n"));
        assert_eq!(text_at("/a~1b/c/1/d", false), Some("null"));
        assert_eq!(text_at("/a~1b/c/0", true), None);
        assert_eq!(text_at("", false), Some(DOC.trim_end()));
        for missing in ["/nope", "/departments/5", "/id/0", "/departments/x", "x"] {
            assert_eq!(text_at(missing, false), None, "{missing}");
        }
        // Of a name written twice, the last one (as the values have it).
        let text = r#"{"a": 1, "a": 2}"#;
        let located = Located::of(text).unwrap();
        assert_eq!(
            located.at("/a").unwrap().1.span,
            Span { start: 14, end: 15 }
        );
    }

    #[test]
    fn finds_names_written_twice_per_object() {
        let text = r#"{"a": 1, "b": {"a": 2, "c": ["a", "a"]}, "a": 3, "b\u0031": 0, "b1": 4}"#;
        let located = Located::of(text).unwrap();
        let repeated: Vec<(&str, String)> = located
            .repeated_keys()
            .into_iter()
            .map(|(span, key)| (&text[span.start..span.end], key))
            .collect();
        assert_eq!(
            repeated,
            vec![("\"a\"", "a".into()), ("\"b1\"", "b1".into())]
        );
    }
}
