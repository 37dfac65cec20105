//! `guong new`: create a new profile or movement from a commented template,
//! with the slug derived from the Vietnamese name. Never overwrites. The
//! first line names the editor schema (`guong schema`) for editors that read it.

use crate::content::samples;
use crate::messages::msg;
use anyhow::{bail, Result};
use std::path::{Path, PathBuf};

/// A YAML double-quoted string (also used by `guong import`).
pub(crate) fn yaml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn slug_of(name: &str) -> Result<String> {
    let name = crate::text::fold::nfc(name.trim());
    let slug = crate::text::fold::slugify(&name);
    if slug.is_empty() {
        bail!(msg!("scaffold-no-letters", name = format!("{name:?}")));
    }
    Ok(slug)
}

/// The site's field keys, so the template starts valid for this site.
fn field_keys(root: &Path) -> Vec<String> {
    crate::data::Data::load(root)
        .map(|d| d.fields.keys().cloned().collect())
        .unwrap_or_default()
}

/// Today's date, the publication date a new profile starts with.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    crate::site::Date::from_days(secs.div_euclid(86_400)).to_string()
}

/// Create `content/profiles/<slug>/index.vi.md`, a draft whose `field` is
/// left for the writer to choose and whose summary and story are sample
/// texts `validate` refuses to publish.
pub fn new_profile(root: &Path, name: &str) -> Result<PathBuf> {
    let slug = slug_of(name)?;
    let fields = field_keys(root);
    let field_list = if fields.is_empty() {
        "xem data/fields.yaml".to_string()
    } else {
        fields.join(", ")
    };
    let name = crate::text::fold::nfc(name.trim());
    let path = root
        .join("content/profiles")
        .join(&slug)
        .join("index.vi.md");
    let modeline = crate::schema::modeline("profile", 3);
    let text = format!(
        r#"---
{modeline}
# Hồ sơ điển hình tiên tiến. Xóa dấu # ở đầu dòng để dùng một mục tùy chọn.
# An exemplary-model profile. Remove the leading # to use an optional key.
name: {name}
kind: individual                  # individual (cá nhân) | collective (tập thể)
# honorific: Đại tá               # cấp bậc, học hàm, danh hiệu (NGƯT, PGS. TS.…)
# role: Phó Giám đốc              # chức vụ, nghề nghiệp
# organization: Công an tỉnh Sơn La
field: ""                         # ← chọn một khóa / choose a key: {field_list}
# commune: to-hieu                # một khóa trong data/communes.yaml
# movements: [nong-thon-moi]      # tên tệp trong content/movements/
# awards:
#   - award: bang-khen-chu-tich-ubnd-tinh   # một khóa trong data/awards.yaml
#     year: 2024
#     decision: "Quyết định số …/QĐ-UBND ngày …"
# photo: chan-dung.jpg            # ảnh đặt cùng thư mục với tệp này
# photo_alt: "Chân dung {name}"
summary: "{summary}"
date: {today}                  # ngày đăng, dạng NĂM-THÁNG-NGÀY
# sources:
#   - title: "Báo cáo số 453/BC-UBND ngày 07/8/2025 của UBND tỉnh Sơn La"
# unconfirmed:                    # cách đọc chưa đối chiếu với văn bản gốc (trang ghi rõ)
#   - field: name                 # name | honorific | role | organization
#     text: "Vì"                  # phần chữ chưa chắc chắn (mặc định: cả trường)
# review: "ghi chú nội bộ, không bao giờ hiển thị trên trang"
draft: true                       # đổi thành false khi sẵn sàng xuất bản
---
{story}
"#,
        summary = samples::PROFILE_SUMMARY,
        story = samples::PROFILE_STORY,
        today = today(),
    );
    crate::output::write_file(&path, text.as_bytes(), crate::output::Existing::Keep)?;
    Ok(path)
}

pub fn new_movement(root: &Path, title: &str) -> Result<PathBuf> {
    let slug = slug_of(title)?;
    let path = root.join("content/movements").join(format!("{slug}.vi.md"));
    let text = format!(
        r#"---
{}
# Phong trào thi đua. / An emulation movement.
title: {}
launched_by: province             # prime-minister | province | sector
# period: "2021-2025"
# results:                        # số khen thưởng / award counts
#   - award: bang-khen-chu-tich-ubnd-tinh
#     collectives: 0
#     individuals: 0
---
{}
"#,
        crate::schema::modeline("movement", 2),
        yaml_string(&crate::text::fold::nfc(title.trim())),
        samples::MOVEMENT_STORY,
    );
    crate::output::write_file(&path, text.as_bytes(), crate::output::Existing::Keep)?;
    Ok(path)
}
