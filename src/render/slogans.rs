//! The slogans page: each slogan, its translation on the English page, and
//! the banners made of it to print (Vietnamese in both languages: banners
//! are hung in Sơn La), with each file's size so staff on a slow line know
//! what they fetch.

use super::routes::{Nav, Route};
use super::views::Views;
use crate::config::Lang;
use crate::images::banner::{Banner, BannerFile};
use serde_json::{json, Value};

impl<'a> Views<'a> {
    pub(super) fn slogans(&self, lang: Lang) -> Route<'a> {
        let t = self.t(lang);
        let items: Vec<Value> = self
            .site
            .data
            .slogans
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let local = crate::config::LocalText {
                    vi: s.vi.clone(),
                    en: s.en.clone(),
                };
                let (text, l) = local.get(lang);
                let banners = self.images.banners.get(&i).map_or(&[][..], Vec::as_slice);
                json!({
                    "text": text, "lang": l.code(),
                    "original": (lang != Lang::Vi && l != Lang::Vi).then_some(&s.vi),
                    "occasion": s.occasion,
                    "banners": banners.iter().map(|b| self.banner(b, lang)).collect::<Vec<_>>(),
                })
            })
            .collect();
        let heading = t.get("slogans_title").to_string();
        Route::new(
            lang,
            self.urls.slogans(lang),
            self.urls.slogans(lang.other()),
            "slogans.html",
            Nav::Slogans,
            heading.clone(),
            t.get("slogans_intro").into(),
            json!({"heading": heading, "items": items, "has_banners": !self.images.banners.is_empty()}),
        )
    }

    /// One banner's links: what it is ("Băng rôn ngang 5 × 0,8 m") and its files.
    fn banner(&self, b: &Banner, lang: Lang) -> Value {
        let t = self.t(lang);
        let kind = if b.size.vertical() {
            "banner_vertical"
        } else {
            "banner_horizontal"
        };
        let label = t
            .get(kind)
            .replace("{w}", &metres(b.size.width_cm, lang))
            .replace("{h}", &metres(b.size.height_cm, lang));
        let file = |f: &BannerFile| json!({"href": self.urls.href(&f.path), "size": file_size(f.bytes, lang)});
        json!({"label": label, "name": b.size.name(), "pdf": file(&b.pdf), "svg": file(&b.svg)})
    }
}

/// Centimetres as metres, the way each language writes them: `0,8` / `0.8`, `5`.
fn metres(cm: u32, lang: Lang) -> String {
    let text = format!("{}.{:02}", cm / 100, cm % 100);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text.to_string(),
    }
}

/// A file's size in kilobytes (or megabytes), rounded up: `14 KB`, `1,2 MB`.
fn file_size(bytes: u64, lang: Lang) -> String {
    let kb = bytes.div_ceil(1000);
    if kb < 1000 {
        return format!("{kb} KB");
    }
    let tenths = bytes.div_ceil(100_000);
    let mb = format!("{}.{}", tenths / 10, tenths % 10);
    match lang {
        Lang::Vi => format!("{} MB", mb.replace('.', ",")),
        Lang::En => format!("{mb} MB"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_each_language_writes_them() {
        assert_eq!(metres(80, Lang::Vi), "0,8");
        assert_eq!(metres(80, Lang::En), "0.8");
        assert_eq!(metres(500, Lang::Vi), "5");
        assert_eq!(metres(250, Lang::Vi), "2,5");
        assert_eq!(metres(65, Lang::En), "0.65");
        assert_eq!(file_size(13_499, Lang::Vi), "14 KB");
        assert_eq!(file_size(1_234_567, Lang::Vi), "1,3 MB");
        assert_eq!(file_size(1_234_567, Lang::En), "1.3 MB");
    }
}
