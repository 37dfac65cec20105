//! Interface strings and language-specific formatting: dates, numbers and
//! Roman numerals. The strings live in the theme (`i18n/vi.yaml`, `i18n/en.yaml`);
//! only the formatting rules are code.

use crate::config::Lang;
use crate::site::Date;
use std::collections::BTreeMap;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `7/8/2025` in Vietnamese, `7 August 2025` in English.
pub fn format_date(date: Date, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{}/{}/{}", date.day, date.month, date.year),
        Lang::En => format!(
            "{} {} {}",
            date.day,
            MONTHS_EN[(date.month - 1) as usize],
            date.year
        ),
    }
}

/// `19.288` in Vietnamese, `19,288` in English.
pub fn format_number(n: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Congress numbers are shown as Roman numerals (VI).
pub fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// The interface strings of one language.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Strings(pub BTreeMap<String, String>);

impl Strings {
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.0.get(key).map(String::as_str).unwrap_or(key)
    }
    /// A string with `{n}` replaced.
    pub fn with_n(&self, key: &str, n: &str) -> String {
        self.get(key).replace("{n}", n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_numbers_per_language() {
        let d = Date {
            year: 2025,
            month: 8,
            day: 7,
        };
        assert_eq!(format_date(d, Lang::Vi), "7/8/2025");
        assert_eq!(format_date(d, Lang::En), "7 August 2025");
        assert_eq!(format_number(19288, Lang::Vi), "19.288");
        assert_eq!(format_number(19288, Lang::En), "19,288");
        assert_eq!(format_number(999, Lang::En), "999");
        assert_eq!(format_number(1234567, Lang::Vi), "1.234.567");
    }

    #[test]
    fn roman_numerals() {
        let r: Vec<String> = (1..=6).map(roman).collect();
        assert_eq!(r, ["I", "II", "III", "IV", "V", "VI"]);
    }
}
