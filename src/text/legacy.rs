//! Text typed in the old Vietnamese encodings and pasted as if it were
//! Unicode: TCVN3 (ABC, the `.VnTime` fonts) and VNI-Windows. Pasted out of
//! a document in those fonts, "Đoàn kết" arrives as "§oµn kÕt" (TCVN3) or
//! "Ñoaøn keát" (VNI): each byte read as its Windows-1252 character.
//!
//! Detection is per line and conservative, because the same characters
//! (`á`, `ê`, `ô`…) are ordinary Vietnamese and French: a line counts only
//! when at least two of its words are not Vietnamese syllables as written
//! but become syllables once converted, and such words outnumber (two to
//! one) the words that are already syllables and that the table would
//! change. Ordinary Vietnamese is made of syllables, so it never counts.
//!
//! Tables, from the published standards:
//! - TCVN3 = TCVN 5712:1993 "VN3", the lower-case subset of VN1: the
//!   positions below are those of glibc's `TCVN5712-1` converter (glibc
//!   `iconvdata/tcvn5712-1.c`, same as libX11 `lcUniConv/tcvn.h`) that VN3
//!   keeps; VN3 has no upper-case letter with a tone (the `.VnTimeH` fonts
//!   draw the lower-case codes as capitals).
//! - VNI-Windows: a base letter followed by a mark byte, as listed by the
//!   `vietnamese-conversion` package (github.com/duydev/vietnamese-conversion,
//!   `src/charsets.ts`) and UniKey's converter; written here as marks so
//!   that the table is 30 entries, not 134.

use unicode_normalization::UnicodeNormalization;

/// An old encoding a line of text may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Tcvn3,
    Vni,
}

impl Encoding {
    /// The name writers know it by.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Tcvn3 => "TCVN3 (ABC)",
            Encoding::Vni => "VNI-Windows",
        }
    }
}

/// A line (1-based) that reads as old-encoding text, and what it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub line: usize,
    pub encoding: Encoding,
    pub converted: String,
}

/// TCVN3 byte → letter. The byte is what arrives as the Latin-1 character
/// of the same number.
#[rustfmt::skip]
const TCVN3: &[(u8, char)] = &[
    (0xA1, 'Ă'), (0xA2, 'Â'), (0xA3, 'Ê'), (0xA4, 'Ô'), (0xA5, 'Ơ'), (0xA6, 'Ư'),
    (0xA7, 'Đ'), (0xA8, 'ă'), (0xA9, 'â'), (0xAA, 'ê'), (0xAB, 'ô'), (0xAC, 'ơ'),
    (0xAD, 'ư'), (0xAE, 'đ'), (0xB5, 'à'), (0xB6, 'ả'), (0xB7, 'ã'), (0xB8, 'á'),
    (0xB9, 'ạ'), (0xBB, 'ằ'), (0xBC, 'ẳ'), (0xBD, 'ẵ'), (0xBE, 'ắ'), (0xC6, 'ặ'),
    (0xC7, 'ầ'), (0xC8, 'ẩ'), (0xC9, 'ẫ'), (0xCA, 'ấ'), (0xCB, 'ậ'), (0xCC, 'è'),
    (0xCE, 'ẻ'), (0xCF, 'ẽ'), (0xD0, 'é'), (0xD1, 'ẹ'), (0xD2, 'ề'), (0xD3, 'ể'),
    (0xD4, 'ễ'), (0xD5, 'ế'), (0xD6, 'ệ'), (0xD7, 'ì'), (0xD8, 'ỉ'), (0xDC, 'ĩ'),
    (0xDD, 'í'), (0xDE, 'ị'), (0xDF, 'ò'), (0xE1, 'ỏ'), (0xE2, 'õ'), (0xE3, 'ó'),
    (0xE4, 'ọ'), (0xE5, 'ồ'), (0xE6, 'ổ'), (0xE7, 'ỗ'), (0xE8, 'ố'), (0xE9, 'ộ'),
    (0xEA, 'ờ'), (0xEB, 'ở'), (0xEC, 'ỡ'), (0xED, 'ớ'), (0xEE, 'ợ'), (0xEF, 'ù'),
    (0xF1, 'ủ'), (0xF2, 'ũ'), (0xF3, 'ú'), (0xF4, 'ụ'), (0xF5, 'ừ'), (0xF6, 'ử'),
    (0xF7, 'ữ'), (0xF8, 'ứ'), (0xF9, 'ự'), (0xFA, 'ỳ'), (0xFB, 'ỷ'), (0xFC, 'ỹ'),
    (0xFD, 'ý'), (0xFE, 'ỵ'),
];

/// VNI letters that stand alone (lower case; the upper-case byte is 0x20 less).
const VNI_LETTERS: &[(char, char)] = &[
    ('ñ', 'đ'),
    ('ô', 'ơ'),
    ('ö', 'ư'),
    ('ì', 'ì'),
    ('í', 'í'),
    ('æ', 'ỉ'),
    ('ó', 'ĩ'),
    ('ò', 'ị'),
    ('î', 'ỵ'),
];

const GRAVE: &str = "\u{300}";
const ACUTE: &str = "\u{301}";
const TILDE: &str = "\u{303}";
const HOOK: &str = "\u{309}";
const DOT: &str = "\u{323}";

/// VNI mark bytes that follow a vowel (lower case), with the marks they
/// add and the vowels they may follow: tones after any vowel, the
/// circumflex (alone or with a tone) after a, e, o, the breve after a.
const VNI_MARKS: &[(char, &str, &str)] = &[
    ('ø', GRAVE, "aeouyôö"),
    ('ù', ACUTE, "aeouyôö"),
    ('û', HOOK, "aeouyôö"),
    ('õ', TILDE, "aeouyôö"),
    ('ï', DOT, "aeouyôö"),
    ('â', "\u{302}", "aeo"),
    ('à', "\u{302}\u{300}", "aeo"),
    ('á', "\u{302}\u{301}", "aeo"),
    ('å', "\u{302}\u{309}", "aeo"),
    ('ã', "\u{302}\u{303}", "aeo"),
    ('ä', "\u{302}\u{323}", "aeo"),
    ('ê', "\u{306}", "a"),
    ('è', "\u{306}\u{300}", "a"),
    ('é', "\u{306}\u{301}", "a"),
    ('ú', "\u{306}\u{309}", "a"),
    ('ü', "\u{306}\u{303}", "a"),
    ('ë', "\u{306}\u{323}", "a"),
];

fn tcvn3_char(c: char) -> Option<char> {
    let code = u8::try_from(u32::from(c)).ok()?;
    TCVN3
        .binary_search_by_key(&code, |&(b, _)| b)
        .ok()
        .map(|i| TCVN3[i].1)
}

/// VNI's upper-case bytes are the lower-case ones less 0x20 (Latin-1 order).
fn vni_lower(c: char) -> char {
    if ('\u{C0}'..='\u{DE}').contains(&c) && c != '\u{D7}' {
        char::from_u32(u32::from(c) + 0x20).unwrap_or(c)
    } else {
        c
    }
}

fn vni_letter(c: char) -> Option<char> {
    let lower = vni_lower(c);
    let (_, to) = VNI_LETTERS.iter().find(|(from, _)| *from == lower)?;
    Some(if lower == c {
        *to
    } else {
        to.to_uppercase().next().unwrap_or(*to)
    })
}

/// The marks VNI's `mark` adds after `base`, when it may follow it.
fn vni_mark(base: char, mark: char) -> Option<&'static str> {
    let base = vni_lower(base.to_lowercase().next().unwrap_or(base));
    let mark = vni_lower(mark);
    VNI_MARKS
        .iter()
        .find(|(m, _, after)| *m == mark && after.contains(base))
        .map(|(_, marks, _)| *marks)
}

/// `text` read as `encoding`, in NFC.
pub fn convert(text: &str, encoding: Encoding) -> String {
    match encoding {
        Encoding::Tcvn3 => text.chars().map(|c| tcvn3_char(c).unwrap_or(c)).collect(),
        Encoding::Vni => {
            let mut out = String::with_capacity(text.len() + 8);
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                out.push(vni_letter(c).unwrap_or(c));
                if let Some(marks) = chars.peek().and_then(|&m| vni_mark(c, m)) {
                    out.push_str(marks);
                    chars.next();
                }
            }
            out.nfc().collect()
        }
    }
}

fn in_table(c: char, encoding: Encoding) -> bool {
    match encoding {
        Encoding::Tcvn3 => tcvn3_char(c).is_some(),
        // VNI's bytes are all Latin-1 letters.
        Encoding::Vni => false,
    }
}

/// How a line's words read in `encoding`: (words that become Vietnamese
/// only once converted — in TCVN3, only those with a sign —, words already
/// Vietnamese that it would change).
fn weigh(line: &str, encoding: Encoding) -> (usize, usize) {
    let (mut evidence, mut against) = (0, 0);
    let words = line.split(|c: char| !(c.is_alphabetic() || in_table(c, encoding)));
    for word in words.filter(|w| !w.is_ascii()) {
        let converted = convert(word, encoding);
        if converted == word {
            continue;
        }
        let signed = encoding == Encoding::Vni || has_tcvn3_sign(word);
        match (is_syllable(word), is_syllable(&converted)) {
            (false, true) if signed => evidence += 1,
            (true, _) => against += 1,
            (false, _) => {}
        }
    }
    (evidence, against)
}

/// Whether `word` has one of TCVN3's signs: the bytes it puts letters on
/// that are no letter in Windows-1252 (`µ` for à, `¸` for á, `®` for đ…).
/// Its other bytes are letters such as `é` or `ê`, which OCR of Vietnamese
/// and French produce as well, so they alone never count.
fn has_tcvn3_sign(word: &str) -> bool {
    // ª and µ are letters to Unicode, but no language's text uses them.
    word.chars()
        .any(|c| matches!(u32::from(c), 0xA1..=0xBE | 0xD7 | 0xF7) && tcvn3_char(c).is_some())
}

/// The old encoding `line` is in, if it clearly is in one.
pub fn detect(line: &str) -> Option<Encoding> {
    if line.is_ascii() {
        return None;
    }
    [Encoding::Tcvn3, Encoding::Vni]
        .into_iter()
        .map(|e| (e, weigh(line, e)))
        .filter(|&(_, (evidence, against))| evidence >= 2 && evidence >= 2 * against)
        .max_by_key(|&(e, (evidence, _))| (evidence, e == Encoding::Tcvn3))
        .map(|(e, _)| e)
}

/// Every line of `text` in an old encoding, with what it reads.
pub fn find(text: &str) -> Vec<Finding> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            detect(line).map(|encoding| Finding {
                line: i + 1,
                encoding,
                converted: convert(line, encoding),
            })
        })
        .collect()
}

/// `text` with its old-encoding lines converted, and those lines. Other
/// lines are left byte for byte; lines are judged in NFC, as the build
/// sees them.
pub fn fix(text: &str) -> (String, Vec<Finding>) {
    let mut out = String::with_capacity(text.len() + 64);
    let mut findings = Vec::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let body = body.strip_suffix('\r').unwrap_or(body);
        let nfc: String = body.nfc().collect();
        match detect(&nfc) {
            Some(encoding) => {
                let converted = convert(&nfc, encoding);
                out.push_str(&converted);
                out.push_str(&line[body.len()..]);
                findings.push(Finding {
                    line: i + 1,
                    encoding,
                    converted,
                });
            }
            None => out.push_str(line),
        }
    }
    (out, findings)
}

const ONSETS: &[&str] = &[
    "ngh", "ng", "gh", "gi", "kh", "ch", "nh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// The rhymes of Vietnamese without their tone.
const RHYMES: &str = "a ai ao au ay ac ach am an ang anh ap at ă ăc ăm ăn ăng ăp ăt \
    âc âm ân âng âp ât âu ây e eo ec em en eng ep et ê êu êch êm ên ênh êp êt \
    i ia iu ic ich im in inh ip it iêc iêm iên iêng iêp iêt iêu \
    o oi oc om on ong op ot oong ooc oa oai oao oay oac oach oam oan oang oanh oap oat \
    oăc oăm oăn oăng oăt oe oeo oen oet oem ô ôi ôc ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt \
    u ua ui uc um un ung up ut uân uâng uât uây uê uênh uêch uơ \
    uy uya uyu uych uynh uyt uyên uyêt uyn uôc uôi uôm uôn uông uôt \
    ư ưa ưi ưu ưc ưng ưt ưm ưn ươc ươi ươm ươn ương ươp ươt ươu \
    y yêm yên yêng yêt yêu";

/// Whether `word` is one Vietnamese syllable: an onset, a rhyme, at most
/// one tone, and after a stop (c, ch, p, t) only the sharp or heavy tone.
pub fn is_syllable(word: &str) -> bool {
    let mut tones = Vec::new();
    let bare: String = word
        .to_lowercase()
        .nfd()
        .filter(|&c| {
            let tone = matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}');
            if tone {
                tones.push(c);
            }
            !tone
        })
        .nfc()
        .collect();
    if tones.len() > 1 {
        return false;
    }
    // Every Vietnamese word of every content file is looked up here: the
    // rhymes are a set built once, not a list scanned for each onset.
    static RHYME_SET: std::sync::LazyLock<std::collections::HashSet<&str>> =
        std::sync::LazyLock::new(|| RHYMES.split_ascii_whitespace().collect());
    ONSETS.iter().any(|onset| {
        let Some(rhyme) = bare.strip_prefix(onset) else {
            return false;
        };
        if !RHYME_SET.contains(rhyme) {
            return false;
        }
        let stop = ["c", "ch", "p", "t"].iter().any(|s| rhyme.ends_with(s));
        !stop || matches!(tones.first(), Some('\u{301}' | '\u{323}'))
    })
}

#[cfg(test)]
#[path = "legacy_tests.rs"]
mod tests;
