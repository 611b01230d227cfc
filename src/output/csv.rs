//! CSV for spreadsheets: RFC 4180 with CRLF line ends (the csv crate), optionally with a byte
//! order mark so that Excel reads UTF-8, and every text cell made safe to open.
//!
//! A spreadsheet reads a cell as a formula when it starts with `=`, `+`, `-` or `@` (or a tab
//! or a carriage return before one), and Excel runs it (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`).
//! It also turns text that looks like a date, a time or a formatted number into one: plan
//! number `1-1-1` becomes 2001/1/1 and action area `1-1` becomes 1 January. Such a text cell
//! is written with a leading `'`, which keeps it text; everything after the `'` is the value
//! as the data has it. Numbers are written as numbers.

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Text, made safe to open ([`safe`]).
    Text(&'a str),
    /// A count or a number the data gives, written as it is.
    Number(u64),
    /// A truth value, written `true` or `false` (a spreadsheet shows TRUE or FALSE).
    Bool(bool),
}

/// A CSV being written, row by row, into memory.
pub struct Csv {
    writer: ::csv::Writer<Vec<u8>>,
}

impl Csv {
    /// A new CSV, starting with a byte order mark when `bom`.
    pub fn new(bom: bool) -> Csv {
        let start = if bom {
            b"\xEF\xBB\xBF".to_vec()
        } else {
            Vec::new()
        };
        Csv {
            writer: ::csv::WriterBuilder::new()
                .terminator(::csv::Terminator::CRLF)
                .from_writer(start),
        }
    }

    /// Writes one row.
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = Cell<'a>>) {
        let fields: Vec<std::borrow::Cow<'a, str>> = cells
            .into_iter()
            .map(|cell| match cell {
                Cell::Text(text) => safe(text),
                Cell::Number(n) => n.to_string().into(),
                Cell::Bool(b) => if b { "true" } else { "false" }.into(),
            })
            .collect();
        // Writing into memory cannot fail.
        let _ = self
            .writer
            .write_record(fields.iter().map(|f| f.as_bytes()));
    }

    /// A row of text cells.
    pub fn texts<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        self.row(cells.into_iter().map(Cell::Text));
    }

    /// The bytes written, with nothing a CI runner would act on ([`super::ci::text`]: the CSV
    /// may be printed in a CI log).
    pub fn finish(self) -> Vec<u8> {
        let bytes = self.writer.into_inner().unwrap_or_default();
        match String::from_utf8(bytes) {
            Ok(text) => super::ci::text_owned(text).into_bytes(),
            Err(e) => e.into_bytes(),
        }
    }
}

/// The characters that make a spreadsheet read a cell as a formula when it starts with one
/// (the full-width forms too: Japanese input turns them into the half-width ones).
const FORMULA_START: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// `text` as a cell a spreadsheet keeps as text: with a leading `'` when it would be read as a
/// formula, a date, a time or a number shown otherwise than written; as it is otherwise.
pub fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA_START) || reads_as_number(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// Whether a spreadsheet would read `text` as a date, a time, a truth value or a number that
/// it then shows differently: digits with separators (`1-1`, `2026/4/1`, `12:30`, `1,200`,
/// `50%`, `(3)`, `4月1日`, `1E5`), a date of a Japanese era (`令和8年4月1日`, `R8.4.1`), digits
/// with a leading zero, more than 11 digits (shown as `1.23E+11`, and past 15 rounded), `true`
/// or `false`. A plain whole number up to 11 digits (`12`) reads back as written and stays.
fn reads_as_number(text: &str) -> bool {
    if text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false") {
        return true;
    }
    // An era's name or initial before a date (Japanese Excel reads 令和8年4月1日 and R8.4.1).
    let text = ["令和", "平成", "昭和", "大正", "明治"]
        .iter()
        .find_map(|era| text.strip_prefix(era))
        .or_else(|| {
            text.strip_prefix(['R', 'H', 'S', 'T', 'M', 'r', 'h', 's', 't', 'm'])
                .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
        .unwrap_or(text);
    let digit = crate::chars::is_digit;
    let separator = |c: char| "-/.:,%() eE+年月日時分秒－／．：，％（）　".contains(c);
    if !text.chars().any(digit) || !text.chars().all(|c| digit(c) || separator(c)) {
        return false;
    }
    let plain = text.bytes().all(|b| b.is_ascii_digit())
        && text.len() <= 11
        && !(text.len() > 1 && text.starts_with('0'));
    !plain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text() {
        for formula in [
            "=HYPERLINK(\"https://example.invalid\",\"x\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "＝1+1",
            "＋1",
            "－削減",
            "＠x",
        ] {
            assert_eq!(safe(formula), format!("'{formula}"), "{formula:?}");
        }
    }

    #[test]
    fn ids_dates_and_formatted_numbers_become_text() {
        for value in [
            "1-1",
            "1-1-1",
            "3-11-2",
            "2026/4/1",
            "12:30",
            "1,200",
            "50%",
            "(3)",
            "3.5",
            "007",
            "4月1日",
            "２０２６－４",
            "1 1",
            "TRUE",
            "false",
        ] {
            assert_eq!(safe(value), format!("'{value}"), "{value:?}");
        }
    }

    #[test]
    fn plain_text_and_whole_numbers_stay_as_they_are() {
        for value in [
            "",
            "12",
            "0",
            "架空の計画",
            "試験企画課",
            "A",
            "令和8年度の見直し",
            "1件",
            "e-文書の推進",
            "12345678901",
            "令和8年度の計画",
            "R&D",
            "'既に引用符",
            " =1",
        ] {
            assert_eq!(safe(value), value, "{value:?}");
        }
    }

    #[test]
    fn rows_are_rfc_4180_with_crlf_and_an_optional_bom() {
        let mut csv = Csv::new(true);
        csv.texts(["計画番号", "計画名", "数"]);
        csv.row([
            Cell::Text("1-1-1"),
            Cell::Text("=x, \"y\"\n二行目"),
            Cell::Number(3),
        ]);
        assert_eq!(
            String::from_utf8(csv.finish()).unwrap(),
            "\u{feff}計画番号,計画名,数\r\n'1-1-1,\"'=x, \"\"y\"\"\n二行目\",3\r\n"
        );
    }
}
