//! Addresses resolved the way a browser resolves them on the published
//! site: relative to the page, dot segments removed, percent-decoded, the
//! base path taken off; the site's own absolute URLs count as its paths.

/// An address resolved against the page it is on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// Another site, an e-mail address, a phone number: not ours to check.
    Elsewhere,
    /// A path of this site (percent-decoded, base path removed) and its anchor.
    Site {
        path: String,
        anchor: Option<String>,
    },
    /// A path from the server's root that misses the site's base path.
    OutsideBase(String),
}

/// Resolves addresses the way a browser does on the published site.
pub struct Resolver<'a> {
    /// `https://example.org/sub`, no trailing slash.
    pub base_url: &'a str,
    /// `/sub`, or "" at a domain's root.
    pub base_path: &'a str,
}

impl Resolver<'_> {
    /// A link inside the site (with the base path).
    pub fn href(&self, path: &str) -> String {
        crate::paths::with_base(self.base_path, path)
    }

    /// `page` is the site path of the page the address is on (`/dien-hinh/x/`).
    pub fn resolve(&self, page: &str, href: &str) -> Target {
        let href = href.trim_matches(|c: char| c.is_ascii_whitespace());
        let (before, anchor) = match href.split_once('#') {
            Some((b, a)) => (b, Some(percent_decode(a))),
            None => (href, None),
        };
        let before = before.split('?').next().unwrap_or_default();
        let full = if has_scheme(before) {
            // The site's own absolute addresses (canonical, alternates, share
            // images) must lead somewhere too.
            match before.strip_prefix(self.base_url) {
                Some("") => self.href("/"),
                Some(rest) if rest.starts_with('/') => self.href(rest),
                _ => return Target::Elsewhere,
            }
        } else if before.starts_with("//") {
            return Target::Elsewhere;
        } else if before.is_empty() {
            self.href(page)
        } else if before.starts_with('/') {
            before.to_string()
        } else {
            let here = self.href(page);
            let dir = &here[..=here.rfind('/').unwrap_or(0)];
            format!("{dir}{before}")
        };
        let full = percent_decode(&remove_dot_segments(&full));
        let Some(path) = crate::paths::without_base(self.base_path, &full) else {
            return Target::OutsideBase(full);
        };
        Target::Site { path, anchor }
    }
}

/// `mailto:`, `https:`, `tel:`… (a scheme is letters before a `:` that comes before any `/`).
fn has_scheme(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _)) => {
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// `/a/b/../c/./` → `/a/c/` (RFC 3986, section 5.2.4, for absolute paths).
fn remove_dot_segments(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let mut out: Vec<&str> = Vec::new();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *seg {
            "." => {}
            ".." => {
                out.pop();
            }
            s => {
                out.push(s);
                continue;
            }
        }
        if last {
            out.push("");
        }
    }
    format!("/{}", out.join("/"))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub fn site_target(path: &str, anchor: Option<&str>) -> Target {
        Target::Site {
            path: path.into(),
            anchor: anchor.map(str::to_string),
        }
    }

    #[test]
    fn resolves_like_a_browser_under_a_base_path() {
        let r = Resolver {
            base_url: "https://x.org/sub",
            base_path: "/sub",
        };
        let page = "/dien-hinh/a/";
        for (href, want) in [
            ("../b/", site_target("/dien-hinh/b/", None)),
            (
                "../../gioi-thieu/#muc-1",
                site_target("/gioi-thieu/", Some("muc-1")),
            ),
            (
                "#thanh-t%C3%ADch",
                site_target("/dien-hinh/a/", Some("thanh-tích")),
            ),
            ("anh.jpg?v=2", site_target("/dien-hinh/a/anh.jpg", None)),
            ("/sub/dai-hoi/1/", site_target("/dai-hoi/1/", None)),
            ("/sub", site_target("/", None)),
            ("https://x.org/sub/en/", site_target("/en/", None)),
            ("https://x.org/sub", site_target("/", None)),
            ("/dai-hoi/1/", Target::OutsideBase("/dai-hoi/1/".into())),
            ("/subway/", Target::OutsideBase("/subway/".into())),
            ("https://x.org/other/", Target::Elsewhere),
            ("//cdn.example.org/a.js", Target::Elsewhere),
            ("mailto:a@b.vn", Target::Elsewhere),
            ("tel:+84212", Target::Elsewhere),
            ("", site_target("/dien-hinh/a/", None)),
        ] {
            assert_eq!(r.resolve(page, href), want, "{href}");
        }
        let root = Resolver {
            base_url: "https://x.org",
            base_path: "",
        };
        assert_eq!(
            root.resolve("/404.html", "../../.."),
            site_target("/", None)
        );
        assert_eq!(
            root.resolve("/a/b/", "./c/./d/../"),
            site_target("/a/b/c/", None)
        );
    }
}
