//! The typed front matter of each content kind, exactly as it is written:
//! unknown keys are errors. These structs are also the editor schemas
//! (`guong schema`): their doc comments become the hover text staff read, so
//! they speak to writers, Vietnamese first.

use crate::site::{
    AwardEntry, Kind, LaunchedBy, MovementResult, Origin, Planned, Qualifier, Source,
};
use crate::unconfirmed::Reading;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde::Deserialize;

/// The keys `guong new profile` writes, kept here beside the struct they must match.
pub const PROFILE_TEMPLATE_KEYS: &[&str] = &[
    "name",
    "kind",
    "honorific",
    "role",
    "organization",
    "field",
    "commune",
    "ethnicity",
    "movements",
    "awards",
    "photo",
    "photo_alt",
    "summary",
    "date",
    "tags",
    "sources",
    "unconfirmed",
    "review",
    "draft",
    "featured",
];

/// # Hồ sơ điển hình tiên tiến (index.vi.md)
/// Tệp `content/profiles/<slug>/index.vi.md`. / A profile's Vietnamese file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct ProfileVi {
    /// Họ và tên đầy đủ, có dấu; hoặc tên tập thể. / Full name with diacritics, or the collective's name.
    pub(super) name: String,
    /// `individual` (cá nhân) hoặc `collective` (tập thể). / Individual or collective.
    pub(super) kind: Kind,
    /// Cấp bậc, học hàm, danh hiệu viết trước tên (Đại tá, PGS. TS., NGƯT…). / Rank or title shown before the name.
    #[serde(default)]
    pub(super) honorific: Option<String>,
    /// Chức vụ, nghề nghiệp. / Position or occupation.
    #[serde(default)]
    pub(super) role: Option<String>,
    /// Cơ quan, đơn vị công tác. / Organisation.
    #[serde(default)]
    pub(super) organization: Option<String>,
    /// Lĩnh vực: một khóa trong data/fields.yaml, ví dụ `giao-duc-dao-tao`. / Field: a key of data/fields.yaml.
    pub(super) field: String,
    /// Xã, phường: một khóa trong data/communes.yaml. / Commune: a key of data/communes.yaml.
    #[serde(default)]
    pub(super) commune: Option<String>,
    /// Dân tộc. / Ethnicity.
    #[serde(default)]
    pub(super) ethnicity: Option<String>,
    /// Các phong trào thi đua: tên tệp trong content/movements/, bỏ phần `.vi.md`. / Movements: file names in content/movements/ without `.vi.md`.
    #[serde(default)]
    pub(super) movements: Vec<String>,
    /// Các lần được khen thưởng. / Awards received.
    #[serde(default)]
    pub(super) awards: Vec<AwardEntry>,
    /// Tên tệp ảnh đặt cùng thư mục với tệp này (jpg, png, webp). / A photo file in this folder.
    #[serde(default)]
    pub(super) photo: Option<String>,
    /// Mô tả ảnh cho người không xem được ảnh (mặc định: họ tên). / The photo's text alternative (default: the name).
    #[serde(default)]
    pub(super) photo_alt: Option<String>,
    /// Một câu tóm tắt cho thẻ và kết quả tìm kiếm. / One sentence for cards and search results.
    pub(super) summary: String,
    /// Ngày đăng, dạng NĂM-THÁNG-NGÀY, ví dụ 2025-08-07 cho ngày 7/8/2025. / Publication date, YYYY-MM-DD.
    #[schemars(pattern(DATE_PATTERN))]
    pub(super) date: String,
    /// Từ khóa: chữ thường không dấu nối bằng dấu gạch ngang, ví dụ `chuyen-doi-so`. / Tags: lowercase words joined by hyphens.
    #[serde(default)]
    #[schemars(inner(pattern(crate::text::fold::SLUG_PATTERN)))]
    pub(super) tags: Vec<String>,
    /// Các văn bản nguồn của hồ sơ. / The sources of the profile.
    #[serde(default)]
    pub(super) sources: Vec<Source>,
    /// Những cách đọc (tên, chức danh, đơn vị) chưa được đối chiếu với văn bản gốc: trang sẽ ghi rõ điều đó. / Readings not yet checked against the original document: the pages say so.
    #[serde(default)]
    pub(super) unconfirmed: Vec<Reading>,
    /// Ghi chú nội bộ cho người duyệt, không bao giờ hiển thị trên trang. / An internal note, never published.
    #[serde(default)]
    #[allow(dead_code)] // read by people, never published
    pub(super) review: Option<String>,
    /// `true`: bản nháp, chưa xuất bản. / `true`: a draft, not published.
    #[serde(default)]
    pub(super) draft: bool,
    /// `true`: nêu bật trên trang chủ. / `true`: shown on the home page.
    #[serde(default)]
    pub(super) featured: bool,
    #[serde(skip)]
    pub(super) body: String,
    #[serde(skip)]
    pub(super) origin: Origin,
}

/// # Bản tiếng Anh của hồ sơ (index.en.md)
/// Chỉ phần chữ; các khóa cấu trúc (kind, field, commune…) lấy từ tệp tiếng Việt. / A profile's English text; structure comes from the Vietnamese file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct ProfileEn {
    /// Tên trong bản tiếng Anh (mặc định: như tệp tiếng Việt). / The name in English (default: the Vietnamese one).
    #[serde(default)]
    pub(super) name: Option<String>,
    /// Cấp bậc, học hàm, danh hiệu bằng tiếng Anh. / Rank or title in English.
    #[serde(default)]
    pub(super) honorific: Option<String>,
    /// Chức vụ bằng tiếng Anh. / Position in English.
    #[serde(default)]
    pub(super) role: Option<String>,
    /// Cơ quan, đơn vị bằng tiếng Anh. / Organisation in English.
    #[serde(default)]
    pub(super) organization: Option<String>,
    /// Dân tộc bằng tiếng Anh. / Ethnicity in English.
    #[serde(default)]
    pub(super) ethnicity: Option<String>,
    /// Mô tả ảnh bằng tiếng Anh. / The photo's text alternative in English.
    #[serde(default)]
    pub(super) photo_alt: Option<String>,
    /// Câu tóm tắt bằng tiếng Anh. / The summary in English.
    pub(super) summary: String,
    /// Ghi chú nội bộ, không bao giờ hiển thị. / An internal note, never published.
    #[serde(default)]
    #[allow(dead_code)]
    pub(super) review: Option<String>,
    // Structural keys: allowed only with the Vietnamese value.
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) kind: Option<Kind>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) field: Option<String>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) commune: Option<String>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) movements: Option<Vec<String>>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) awards: Option<Vec<AwardEntry>>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) photo: Option<String>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    #[schemars(pattern(DATE_PATTERN))]
    pub(super) date: Option<String>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) tags: Option<Vec<String>>,
    #[serde(skip)]
    pub(super) body: String,
    #[serde(skip)]
    pub(super) origin: Origin,
}

/// # Kỳ Đại hội Thi đua yêu nước (01.vi.md … 06.vi.md)
/// Tệp `content/congresses/<số>.vi.md`. / A congress's Vietnamese file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct CongressVi {
    /// Kỳ Đại hội thứ mấy, từ 1 đến 6, trùng tên tệp (`06.vi.md` là 6). / The congress number, 1 to 6, as in the file name.
    #[schemars(range(min = 1, max = 6))]
    pub(super) number: u32,
    /// Năm họp Đại hội. / The year it was held.
    pub(super) year: i32,
    /// Ngày khai mạc, dạng NĂM-THÁNG-NGÀY. / Opening date, YYYY-MM-DD.
    #[serde(default)]
    #[schemars(pattern(DATE_PATTERN))]
    pub(super) date: Option<String>,
    /// Số đại biểu dự Đại hội. / Number of delegates.
    #[serde(default)]
    pub(super) delegates: Option<u32>,
    /// Nguồn nêu số đại biểu thế nào: `exact` (mặc định), `about` ("khoảng"), `over` ("trên"). / How the source gives the count.
    #[serde(default)]
    pub(super) delegates_qualifier: Option<Qualifier>,
    /// Cách viết cũ của `delegates_qualifier: about`. / The older way to write `delegates_qualifier: about`.
    #[serde(default)]
    pub(super) delegates_approx: bool,
    /// Những điều nguồn nêu là dự kiến: `date`, `delegates`, `theme`. / What the source gives as planned ("dự kiến").
    #[serde(default)]
    pub(super) planned: Vec<Planned>,
    /// Chủ đề (khẩu hiệu) của Đại hội. / The congress's theme.
    pub(super) theme: String,
    /// Tiêu đề trang. / The page title.
    pub(super) title: String,
    #[serde(skip)]
    pub(super) body: String,
    #[serde(skip)]
    pub(super) origin: Origin,
}

/// # Bản tiếng Anh của kỳ Đại hội (<số>.en.md)
/// Chỉ phần chữ; số liệu lấy từ tệp tiếng Việt. / A congress's English text.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct CongressEn {
    /// Tiêu đề bằng tiếng Anh. / The title in English.
    pub(super) title: String,
    /// Chủ đề bằng tiếng Anh. / The theme in English.
    #[serde(default)]
    pub(super) theme: Option<String>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) number: Option<u32>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) year: Option<i32>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    #[schemars(pattern(DATE_PATTERN))]
    pub(super) date: Option<String>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) delegates: Option<u32>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) delegates_approx: Option<bool>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) delegates_qualifier: Option<Qualifier>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) planned: Option<Vec<Planned>>,
    #[serde(skip)]
    pub(super) body: String,
    #[serde(skip)]
    pub(super) origin: Origin,
}

/// # Phong trào thi đua (content/movements/<tên>.vi.md)
/// Tên tệp là khóa mà hồ sơ ghi trong `movements`. / A movement's Vietnamese file; its name is the key profiles use.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct MovementVi {
    /// Tên phong trào. / The movement's name.
    pub(super) title: String,
    /// `prime-minister` (Thủ tướng Chính phủ), `province` (tỉnh) hoặc `sector` (ngành). / Who launched it.
    pub(super) launched_by: LaunchedBy,
    /// Giai đoạn, ví dụ "2021-2025". / The period.
    #[serde(default)]
    pub(super) period: Option<String>,
    /// Kết quả khen thưởng của phong trào. / The movement's award counts.
    #[serde(default)]
    pub(super) results: Vec<MovementResult>,
    #[serde(skip)]
    pub(super) body: String,
    #[serde(skip)]
    pub(super) origin: Origin,
}

/// # Bản tiếng Anh của phong trào (<tên>.en.md)
/// Chỉ phần chữ; số liệu lấy từ tệp tiếng Việt. / A movement's English text.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct MovementEn {
    /// Tên phong trào bằng tiếng Anh. / The name in English.
    pub(super) title: String,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) launched_by: Option<LaunchedBy>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) period: Option<String>,
    /// Nên bỏ: chỉ được ghi nếu giống hệt tệp tiếng Việt. / Better omitted: must equal the Vietnamese file.
    #[serde(default)]
    pub(super) results: Option<Vec<MovementResult>>,
    #[serde(skip)]
    pub(super) body: String,
    #[serde(skip)]
    pub(super) origin: Origin,
}

/// # Trang tự do (content/pages/<tên>.vi.md)
/// Ví dụ trang Giới thiệu. / A free page such as "About".
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct PageVi {
    /// Tiêu đề trang. / The page title.
    pub(super) title: String,
    /// Một câu tóm tắt (cho máy tìm kiếm và khi chia sẻ). / A one-sentence summary.
    #[serde(default)]
    pub(super) summary: Option<String>,
    /// `true`: bản nháp, chưa xuất bản. / `true`: a draft, not published.
    #[serde(default)]
    pub(super) draft: bool,
    #[serde(skip)]
    pub(super) body: String,
    #[serde(skip)]
    pub(super) origin: Origin,
}

/// # Bản tiếng Anh của trang (<tên>.en.md)
/// A free page's English text.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct PageEn {
    /// Tiêu đề bằng tiếng Anh. / The title in English.
    pub(super) title: String,
    /// Câu tóm tắt bằng tiếng Anh. / The summary in English.
    #[serde(default)]
    pub(super) summary: Option<String>,
    #[serde(skip)]
    pub(super) body: String,
    #[serde(skip)]
    pub(super) origin: Origin,
}

/// What [`Date::parse`] accepts, as far as a pattern can say (the calendar
/// check stays in code).
const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// The front matter schema of each document kind, named as its schema file
/// (`profile`, `profile.en`, …), from the same structs that parse it.
pub fn schemas(settings: &SchemaSettings) -> Vec<(&'static str, Schema)> {
    fn of<T: JsonSchema>(settings: &SchemaSettings) -> Schema {
        settings
            .clone()
            .into_generator()
            .into_root_schema_for::<T>()
    }
    vec![
        ("profile", of::<ProfileVi>(settings)),
        ("profile.en", of::<ProfileEn>(settings)),
        ("congress", of::<CongressVi>(settings)),
        ("congress.en", of::<CongressEn>(settings)),
        ("movement", of::<MovementVi>(settings)),
        ("movement.en", of::<MovementEn>(settings)),
        ("page", of::<PageVi>(settings)),
        ("page.en", of::<PageEn>(settings)),
    ]
}
