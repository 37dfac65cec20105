//! Deterministic generator of clearly fictional sites for benchmarks and
//! tests (`guong dev gen-fixture`).
//!
//! It owns one thing: turning `(profiles, seed)` into the same bytes on every
//! run and platform, either as a guong site ([`generate_guong`]) or as the same
//! records laid out as a Hugo site ([`generate_hugo`]) for like-for-like
//! comparisons. Every person, unit and figure is invented, and every page and
//! the site title say so ("hư cấu", "fictional"). The text is realistic
//! Vietnamese (NFC, full diacritics) and deliberately contains words that fold
//! alike (Sơn/Sọn/Son, Đông/Dông/Động, Đào/Dao), so search has something to rank.

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashSet};
use std::path::Path;

/// What to generate: the same options always give the same bytes.
pub struct FixtureOptions {
    /// Number of profiles (about 30% collectives, 90% with an English translation).
    pub profiles: usize,
    /// Selects another, equally plausible, fictional population.
    pub seed: u64,
}

/// splitmix64: tiny, fast and identical everywhere. `rand` is not a
/// dependency, and its streams may change between versions anyway.
struct Rng(u64);
impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n; the modulo bias is irrelevant for fixture data.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            xs.swap(i, self.below(i + 1));
        }
    }
}

/// (Vietnamese, English).
type Pair = (&'static str, &'static str);

/// The word lists, kept compact on purpose (one record per line).
#[rustfmt::skip]
mod words {
use super::Pair;

/// A field of data/fields.yaml plus the vocabulary that makes its profiles
/// plausible. Unit templates use `{c}` (commune name), `{x}` ("xã Mường Sang" /
/// "Mường Sang commune"), `{k}` ("xã"/"Commune"), `{b}` (a village).
pub(super) struct Field {
    pub(super) key: &'static str,
    pub(super) label: Pair,
    pub(super) hons: &'static [Pair],
    pub(super) roles: &'static [Pair],
    pub(super) orgs: &'static [Pair],
    pub(super) teams: &'static [Pair],
    pub(super) parent: Pair,
}

pub(super) const FIELDS: [Field; 12] = [
    Field { key: "an-ninh-quoc-phong", label: ("An ninh, quốc phòng", "Security and defence"),
        hons: &[("Đại tá", "Colonel"), ("Thượng tá", "Senior Lieutenant Colonel"), ("Trung tá", "Lieutenant Colonel"), ("Thiếu tá", "Major")],
        roles: &[("Đồn trưởng", "Station Commander"), ("Chính trị viên", "Political Commissar"), ("Trưởng Công an xã", "Head of the Commune Police"), ("Đội trưởng", "Team Leader")],
        orgs: &[("Đồn Biên phòng {c}", "{c} Border Guard Station"), ("Công an {x}", "{c} {k} Police"), ("Ban Chỉ huy Quân sự {x}", "{c} {k} Military Command")],
        teams: &[("Đồn Biên phòng {c}", "{c} Border Guard Station"), ("Công an {x}", "{c} {k} Police"), ("Tổ an ninh cơ sở bản {b}", "{b} Village Security Team")],
        parent: ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh Sơn La", "Sơn La Provincial Border Guard Command") },
    Field { key: "nong-lam-nghiep", label: ("Nông, lâm nghiệp", "Agriculture and forestry"),
        hons: &[("Kỹ sư", "Engineer"), ("TS.", "Dr.")],
        roles: &[("Giám đốc", "Director"), ("Kỹ sư nông nghiệp", "Agricultural engineer"), ("Chủ trang trại", "Farm owner"), ("Cán bộ khuyến nông", "Extension officer")],
        orgs: &[("Hợp tác xã Nông nghiệp {c}", "{c} Agricultural Cooperative"), ("Ban Quản lý rừng phòng hộ {c}", "{c} Protection Forest Board"), ("Trung tâm Dịch vụ nông nghiệp {x}", "{c} {k} Agricultural Service Centre")],
        teams: &[("Hợp tác xã Chè Shan tuyết bản {b}", "{b} Village Shan Tuyết Tea Cooperative"), ("Hợp tác xã Bò sữa {b}", "{b} Dairy Cooperative"), ("Tổ hợp tác cây ăn quả bản {b}", "{b} Village Fruit Growers' Group")],
        parent: ("Liên minh Hợp tác xã tỉnh Sơn La", "Sơn La Cooperative Alliance") },
    Field { key: "san-xuat-kinh-doanh", label: ("Sản xuất, kinh doanh, phát triển kinh tế", "Production, business and economic development"),
        hons: &[],
        roles: &[("Giám đốc", "Director"), ("Chủ tịch Hội đồng quản trị", "Chairman of the Board"), ("Chủ hộ kinh doanh", "Household business owner")],
        orgs: &[("Công ty TNHH Sơn Việt", "Sơn Việt Co., Ltd."), ("Công ty TNHH Son Việt", "Son Việt Co., Ltd."), ("Công ty Cổ phần Cà phê {c}", "{c} Coffee JSC"), ("Hợp tác xã Dịch vụ {c}", "{c} Service Cooperative")],
        teams: &[("Công ty TNHH Cà phê {b}", "{b} Coffee Co., Ltd."), ("Hợp tác xã Mận hậu {b}", "{b} Plum Cooperative"), ("Công ty Cổ phần Sơn Hà {c}", "Sơn Hà {c} JSC")],
        parent: ("Hiệp hội Doanh nghiệp tỉnh Sơn La", "Sơn La Business Association") },
    Field { key: "cong-thuong-xay-dung-giao-thong", label: ("Công thương, xây dựng, giao thông", "Industry, trade, construction and transport"),
        hons: &[("Kỹ sư", "Engineer")],
        roles: &[("Kỹ sư cầu đường", "Road and bridge engineer"), ("Chỉ huy trưởng công trình", "Site manager"), ("Trưởng phòng Kỹ thuật", "Head of the Technical Department")],
        orgs: &[("Công ty Cổ phần Xây dựng Giao thông {c}", "{c} Transport Construction JSC"), ("Ban Quản lý dự án {x}", "{c} {k} Project Management Board")],
        teams: &[("Đội thi công cầu {b}", "{b} Bridge Construction Team"), ("Công ty TNHH Vật liệu xây dựng {c}", "{c} Building Materials Co., Ltd.")],
        parent: ("Sở Xây dựng tỉnh Sơn La", "Sơn La Department of Construction") },
    Field { key: "giao-duc-dao-tao", label: ("Giáo dục và đào tạo", "Education and training"),
        hons: &[("NGƯT", "Meritorious Teacher"), ("ThS.", "MA"), ("TS.", "Dr.")],
        roles: &[("Hiệu trưởng", "Principal"), ("Phó Hiệu trưởng", "Vice-principal"), ("Giáo viên", "Teacher"), ("Tổng phụ trách Đội", "Young Pioneers leader")],
        orgs: &[("Trường THCS {c}", "{c} Lower Secondary School"), ("Trường Phổ thông Dân tộc bán trú {c}", "{c} Semi-boarding Ethnic School"), ("Trường Mầm non {c}", "{c} Kindergarten")],
        teams: &[("Trường Tiểu học {b}", "{b} Primary School"), ("Trường THCS {c}", "{c} Lower Secondary School"), ("Trường Mầm non Hoa Ban {b}", "Hoa Ban {b} Kindergarten")],
        parent: ("Sở Giáo dục và Đào tạo tỉnh Sơn La", "Sơn La Department of Education and Training") },
    Field { key: "van-hoa-the-thao", label: ("Văn hóa, nghệ thuật, thể dục thể thao", "Culture, arts and sports"),
        hons: &[("Nghệ nhân ưu tú", "Meritorious Artisan"), ("NSƯT", "Meritorious Artist")],
        roles: &[("Trưởng đội văn nghệ", "Head of the performing troupe"), ("Huấn luyện viên", "Coach"), ("Vận động viên", "Athlete"), ("Công chức văn hóa xã", "Commune culture officer")],
        orgs: &[("Trung tâm Văn hóa, Thể thao {x}", "{c} {k} Culture and Sports Centre"), ("Câu lạc bộ Xòe Thái {c}", "{c} Thái Xòe Dance Club")],
        teams: &[("Đội văn nghệ bản {b}", "{b} Village Performing Troupe"), ("Câu lạc bộ Xòe Thái bản {b}", "{b} Village Thái Xòe Dance Club")],
        parent: ("Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La", "Sơn La Department of Culture, Sports and Tourism") },
    Field { key: "nong-thon-moi", label: ("Xây dựng nông thôn mới", "New rural development"),
        hons: &[],
        roles: &[("Trưởng bản", "Village head"), ("Chủ tịch UBND xã", "Chair of the Commune People's Committee"), ("Bí thư chi bộ", "Party cell secretary")],
        orgs: &[("Bản {b}, {x}", "{b} village, {x}"), ("UBND {x}", "{c} {k} People's Committee")],
        teams: &[("Nhân dân bản {b}", "The people of {b} village"), ("Tổ tự quản đường nông thôn bản {b}", "{b} Village Road Care Group")],
        parent: ("Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh Sơn La", "Sơn La Steering Committee for National Target Programmes") },
    Field { key: "thong-tin-truyen-thong", label: ("Thông tin và truyền thông", "Information and communications"),
        hons: &[("ThS.", "MSc")],
        roles: &[("Phóng viên", "Reporter"), ("Biên tập viên", "Editor"), ("Kỹ sư phần mềm", "Software engineer"), ("Tổ trưởng công nghệ số cộng đồng", "Community digital team leader")],
        orgs: &[("Báo Sơn La", "Sơn La Newspaper"), ("Đài Phát thanh và Truyền hình Sơn La", "Sơn La Radio and Television"), ("Bưu điện {x}", "{c} {k} Post Office")],
        teams: &[("Tổ công nghệ số cộng đồng {x}", "{c} {k} Community Digital Team"), ("Điểm Bưu điện - Văn hóa {x}", "{c} {k} Post and Culture Point")],
        parent: ("Sở Khoa học và Công nghệ tỉnh Sơn La", "Sơn La Department of Science and Technology") },
    Field { key: "xay-dung-dang-chinh-quyen", label: ("Xây dựng Đảng, chính quyền, đoàn thể", "Building the Party, government and mass organisations"),
        hons: &[("ThS.", "MA")],
        roles: &[("Bí thư Đảng ủy", "Party Committee Secretary"), ("Phó Chủ tịch UBND", "Vice-chair of the People's Committee"), ("Công chức Tư pháp - Hộ tịch", "Justice and civil registration officer")],
        orgs: &[("Đảng ủy {x}", "{c} {k} Party Committee"), ("UBND {x}", "{c} {k} People's Committee")],
        teams: &[("Chi bộ bản {b}", "{b} Village Party Cell"), ("Bộ phận Một cửa {x}", "{c} {k} One-stop Office")],
        parent: ("Tỉnh ủy Sơn La", "Sơn La Provincial Party Committee") },
    Field { key: "y-te", label: ("Y tế", "Health"),
        hons: &[("Bác sĩ", "Doctor"), ("PGS. TS.", "Assoc. Prof. Dr."), ("BSCKII", "Specialist Doctor")],
        roles: &[("Trưởng trạm y tế", "Head of the health station"), ("Điều dưỡng", "Nurse"), ("Nhân viên y tế thôn bản", "Village health worker"), ("Trưởng khoa", "Head of department")],
        orgs: &[("Trạm Y tế {x}", "{c} {k} Health Station"), ("Bệnh viện Đa khoa tỉnh Sơn La", "Sơn La General Hospital"), ("Trung tâm Y tế {c}", "{c} Health Centre")],
        teams: &[("Trạm Y tế {x}", "{c} {k} Health Station"), ("Khoa Hồi sức tích cực, Trung tâm Y tế {c}", "Intensive Care Unit, {c} Health Centre")],
        parent: ("Sở Y tế tỉnh Sơn La", "Sơn La Department of Health") },
    Field { key: "tai-chinh-ngan-hang", label: ("Tài chính, ngân hàng", "Finance and banking"),
        hons: &[("ThS.", "MSc")],
        roles: &[("Giám đốc chi nhánh", "Branch director"), ("Cán bộ tín dụng", "Credit officer"), ("Kế toán trưởng", "Chief accountant")],
        orgs: &[("Ngân hàng Chính sách xã hội chi nhánh {c}", "{c} branch, Bank for Social Policies"), ("Quỹ tín dụng nhân dân {c}", "{c} People's Credit Fund"), ("Kho bạc Nhà nước {c}", "{c} State Treasury")],
        teams: &[("Tổ tiết kiệm và vay vốn bản {b}", "{b} Village Savings and Loan Group"), ("Quỹ tín dụng nhân dân {c}", "{c} People's Credit Fund")],
        parent: ("Sở Tài chính tỉnh Sơn La", "Sơn La Department of Finance") },
    Field { key: "doan-the-xa-hoi", label: ("Mặt trận, đoàn thể", "Front and mass organisations"),
        hons: &[],
        roles: &[("Chủ tịch Hội Liên hiệp Phụ nữ", "Chair of the Women's Union"), ("Bí thư Đoàn Thanh niên", "Youth Union Secretary"), ("Chủ tịch Hội Cựu chiến binh", "Chair of the Veterans' Association")],
        orgs: &[("Ủy ban Mặt trận Tổ quốc {x}", "{c} {k} Fatherland Front Committee"), ("Hội Nông dân {x}", "{c} {k} Farmers' Union")],
        teams: &[("Chi hội Phụ nữ bản {b}", "{b} Village Women's Branch"), ("Chi đoàn thanh niên bản {b}", "{b} Village Youth Union Branch")],
        parent: ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn La", "Sơn La Vietnam Fatherland Front Committee") },
];

/// data/awards.yaml: key, vi, en, level, kind; the first seven suit people.
pub(super) const AWARDS: [(&str, &str, &str, &str, &str); 13] = [
    ("bang-khen-chu-tich-ubnd-tinh", "Bằng khen của Chủ tịch UBND tỉnh", "Certificate of Merit of the Chairman of the Provincial People's Committee", "province", "certificate"),
    ("bang-khen-thu-tuong", "Bằng khen của Thủ tướng Chính phủ", "Prime Minister's Certificate of Merit", "state", "certificate"),
    ("huan-chuong-lao-dong-hang-ba", "Huân chương Lao động hạng Ba", "Third-class Labour Order", "state", "order"),
    ("chien-si-thi-dua-toan-quoc", "Chiến sĩ thi đua toàn quốc", "National Emulation Soldier", "state", "title"),
    ("chien-si-thi-dua-cap-tinh", "Chiến sĩ thi đua cấp tỉnh", "Provincial Emulation Soldier", "province", "title"),
    ("ky-niem-chuong-vi-su-nghiep-tinh-son-la", "Kỷ niệm chương “Vì sự nghiệp xây dựng và phát triển tỉnh Sơn La”", "Badge “For the Building and Development of Sơn La Province”", "province", "badge"),
    ("huy-chuong-tnxp-ve-vang", "Huy chương Thanh niên xung phong vẻ vang", "Glorious Youth Volunteer Medal", "state", "medal"),
    ("co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ", "Government Emulation Flag", "state", "flag"),
    ("co-thi-dua-ubnd-tinh", "Cờ thi đua của UBND tỉnh", "Emulation Flag of the Provincial People's Committee", "province", "flag"),
    ("tap-the-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", "Excellent Labour Collective", "province", "title"),
    ("danh-hieu-vinh-du-nha-nuoc", "Danh hiệu vinh dự Nhà nước", "State honorary title", "state", "title"),
    ("ba-me-viet-nam-anh-hung", "Danh hiệu Bà mẹ Việt Nam anh hùng", "Title of Heroic Vietnamese Mother", "state", "title"),
    ("huan-chuong", "Huân chương các loại", "Orders (all classes)", "state", "order"),
];
pub(super) const AWARDS_PERSON: &[usize] = &[0, 1, 2, 3, 4, 5, 6];
pub(super) const AWARDS_TEAM: &[usize] = &[0, 1, 2, 7, 8, 9];

/// Real commune and ward names of Sơn La, used only as labels; `true` = ward.
pub(super) const COMMUNES: &[(&str, bool)] = &[
    ("Tô Hiệu", true), ("Chiềng An", true), ("Chiềng Cơi", true), ("Chiềng Sinh", true), ("Mộc Châu", true),
    ("Mộc Sơn", true), ("Vân Sơn", true), ("Thảo Nguyên", true), ("Mường Sang", false), ("Vân Hồ", false),
    ("Mường La", false), ("Noong Lay", false), ("Phù Yên", false), ("Thuận Châu", false), ("Yên Châu", false),
    ("Sông Mã", false), ("Sốp Cộp", false), ("Bắc Yên", false), ("Quỳnh Nhai", false), ("Mai Sơn", false),
    ("Tô Múa", false), ("Chiềng Mai", false), ("Chiềng Mung", false), ("Cò Nòi", false), ("Hát Lót", false),
    ("Nà Bó", false), ("Mường Bú", false), ("Ngọc Chiến", false), ("Chiềng Lao", false), ("Tạ Khoa", false),
    ("Tà Xùa", false), ("Suối Tọ", false), ("Gia Phù", false), ("Tường Hạ", false), ("Phiêng Khoài", false),
    ("Chiềng Hặc", false), ("Lóng Phiêng", false), ("Long Hẹ", false), ("Co Mạ", false), ("Chiềng Khương", false),
    ("Mường Lạn", false), ("Phiêng Pằn", false), ("Mường Chiên", false),
];
/// Fictional village names: prefix + suffix; the suffixes include fold-alike sets.
pub(super) const VILLAGE_A: &[&str] = &["Nà", "Huổi", "Pá", "Co", "Phiêng", "Hua", "Noong", "Bó", "Tà", "Nậm", "Púng", "Lọng"];
pub(super) const VILLAGE_B: &[&str] = &["Sản", "Lạnh", "Mòn", "Cang", "Lằn", "Khoai", "Hẹ", "Sọn", "Son", "Sơn", "Đông", "Dông", "Pe", "Ten", "Lót", "Phát"];

/// Family names with their usual ethnicity (index into ETHNIC).
pub(super) const FAMILY: &[(&str, usize)] = &[
    ("Nguyễn", 0), ("Trần", 0), ("Lê", 0), ("Phạm", 0), ("Hoàng", 0), ("Vũ", 0), ("Đặng", 0), ("Bùi", 3),
    ("Đỗ", 0), ("Đào", 0), ("Đinh", 3), ("Lò", 1), ("Cầm", 1), ("Quàng", 1), ("Lường", 1), ("Vì", 1),
    ("Hà", 1), ("Tòng", 1), ("Sùng", 2), ("Giàng", 2), ("Mùa", 2), ("Thào", 2),
];
pub(super) const ETHNIC: &[Pair] = &[("Kinh", "Kinh"), ("Thái", "Thai"), ("Mông", "Hmong"), ("Mường", "Muong"), ("Dao", "Dao")];
pub(super) const MIDDLE: [[&[&str]; 2]; 2] = [
    [&["Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Xuân", "Công", "Đình", "Tiến"], &["Thị", "Thu", "Hồng", "Ngọc", "Kim", "Thanh", "Minh", "Thúy"]],
    [&["A"], &["Thị"]],
];
pub(super) const GIVEN: [[&[&str]; 2]; 2] = [
    [&["Sơn", "Tuấn", "Hùng", "Hưng", "Dũng", "Đức", "Hải", "Long", "Nam", "Bình", "Cường", "Đạt", "Đông", "Thắng", "Quân", "Khánh", "Phong", "Toàn", "Chiến"],
     &["Hà", "Hương", "Thu", "Thư", "Lan", "Mai", "Hoa", "Thảo", "Trang", "Dung", "Hạnh", "Hằng", "Nga", "Phương", "Yến", "Xuân", "Hiền"]],
    [&["Páo", "Chứ", "Dế", "Lử", "Tủa", "Sọn", "Son", "Sềnh", "Dơ", "Chua"], &["Mỷ", "Dợ", "Và", "Máy", "Sua", "Pà"]],
];
/// Given names that fold to the same ASCII: "twin" profiles use two of a set.
pub(super) const FOLD_TWINS: &[[&str; 3]] = &[["Sơn", "Sọn", "Son"], ["Hà", "Hạ", "Ha"], ["Đông", "Dông", "Động"], ["Thu", "Thư", "Thủ"], ["Dung", "Dũng", "Đúng"], ["Hùng", "Hưng", "Hứng"]];
pub(super) const TAGS: &[&str] = &["ca-phe", "che-shan-tuyet", "bo-sua", "chuyen-doi-so", "xoa-nha-tam", "hop-tac-xa", "nong-thon-moi", "bien-gioi"];

/// Movements: slug, title, launched_by, period.
pub(super) const MOVEMENTS: [(&str, Pair, &str, &str); 8] = [
    ("chung-suc-nong-thon-moi", ("Sơn La chung sức xây dựng nông thôn mới (hư cấu)", "Sơn La joins hands for new rural development (fictional)"), "prime-minister", "2021-2025"),
    ("chuyen-doi-so-cong-dong", ("Chuyển đổi số trong cộng đồng (hư cấu)", "Digital transformation in the community (fictional)"), "province", "2022-2025"),
    ("xoa-nha-tam", ("Chung tay xóa nhà tạm, nhà dột nát (hư cấu)", "Replacing makeshift and dilapidated houses (fictional)"), "prime-minister", "2024-2025"),
    ("hop-tac-xa-gioi", ("Hợp tác xã sản xuất, kinh doanh giỏi (hư cấu)", "Good cooperatives in production and business (fictional)"), "province", "2021-2025"),
    ("bao-ve-an-ninh-to-quoc", ("Toàn dân bảo vệ an ninh Tổ quốc (hư cấu)", "All people protect national security (fictional)"), "sector", "2021-2025"),
    ("day-tot-hoc-tot", ("Dạy tốt, học tốt (hư cấu)", "Teach well, learn well (fictional)"), "sector", "2020-2025"),
    ("ca-phe-che-shan-tuyet", ("Phát triển cà phê và chè Shan tuyết bền vững (hư cấu)", "Sustainable coffee and Shan Tuyết tea (fictional)"), "province", "2021-2025"),
    ("dan-van-kheo", ("Dân vận khéo (hư cấu)", "Skilful mass mobilisation (fictional)"), "province", "2021-2025"),
];
pub(super) const CONGRESS_THEMES: [Pair; 6] = [
    ("Đoàn kết, thi đua xây dựng quê hương Sơn La (hư cấu)", "Unity and emulation to build the Sơn La homeland (fictional)"),
    ("Thi đua lao động sản xuất, xóa đói giảm nghèo (hư cấu)", "Emulating in work and production to end hunger and poverty (fictional)"),
    ("Đổi mới, sáng tạo, phát huy sức mạnh các dân tộc (hư cấu)", "Renewal and creativity, drawing on the strength of all ethnic groups (fictional)"),
    ("Chung sức xây dựng nông thôn mới, phát triển bền vững (hư cấu)", "Joining hands for new rural development and sustainable growth (fictional)"),
    ("Đoàn kết, sáng tạo, chuyển đổi số, hội nhập (hư cấu)", "Unity, creativity, digital transformation and integration (fictional)"),
    ("Tăng tốc, bứt phá, xây dựng Sơn La xanh, giàu đẹp (hư cấu)", "Accelerating and breaking through for a green, prosperous Sơn La (fictional)"),
];
pub(super) const KINDS: [&str; 2] = ["individual", "collective"];
pub(super) const ROMAN: [&str; 6] = ["I", "II", "III", "IV", "V", "VI"];
pub(super) const ORDINAL: [&str; 6] = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"];
pub(super) const SLOGANS: [Pair; 5] = [
    ("Thi đua là yêu nước, yêu nước thì phải thi đua (khẩu hiệu hư cấu)!", "To emulate is to love the country (fictional slogan)!"),
    ("Sơn La đoàn kết, chung sức xây dựng nông thôn mới (hư cấu)!", "Sơn La united for new rural development (fictional)!"),
    ("Chuyển đổi số vì một Sơn La xanh, giàu đẹp (hư cấu)!", "Digital transformation for a green, prosperous Sơn La (fictional)!"),
    ("Mỗi bản một sản phẩm, mỗi hợp tác xã một thương hiệu (hư cấu)!", "One product per village, one brand per cooperative (fictional)!"),
    ("Chung tay xóa nhà tạm, không để ai bị bỏ lại phía sau (hư cấu)!", "Together we replace makeshift homes and leave no one behind (fictional)!"),
];

/// Body sentences, vi and en in parallel so both languages tell the same story.
/// {N} name, {X} locality, {Y} year, {A} {B} {M} integers, {P} {Q} percentages.
pub(super) const SENTENCES: &[Pair] = &[
    ("Trong giai đoạn 2021–2025, {N} luôn đi đầu trong phong trào thi đua yêu nước tại {X}, tỉnh Sơn La.", "Between 2021 and 2025, {N} led the way in the patriotic emulation movement in {X}, Sơn La province."),
    ("{N} đã vận động {A} hộ dân tham gia hợp tác xã, đưa thu nhập bình quân tăng {P}% so với năm {Y}.", "{N} persuaded {A} households to join the cooperative, raising average income by {P}% compared with {Y}."),
    ("Nhờ trồng cà phê và chè Shan tuyết trên đất dốc, {A} ha đồi trọc ở {X} đã được phủ xanh.", "Thanks to coffee and Shan Tuyết tea grown on sloping land, {A} ha of bare hills in {X} are green again."),
    ("{N} đã cùng bà con góp {A} ngày công để xóa nhà tạm, giúp {B} hộ nghèo có nhà ở kiên cố.", "{N} and local people gave {A} working days to replace makeshift houses, giving {B} poor households solid homes."),
    ("Ứng dụng chuyển đổi số giúp bán hơn {A} tấn nông sản qua sàn thương mại điện tử, doanh thu đạt {M} triệu đồng.", "Digital transformation helped sell more than {A} tonnes of farm produce online, with revenue of VND {M} million."),
    ("Tại cao nguyên Mộc Châu, mô hình nuôi bò sữa do {N} hướng dẫn cho sản lượng {A} lít sữa mỗi ngày.", "On the Mộc Châu plateau, the dairy cattle model guided by {N} yields {A} litres of milk a day."),
    ("Phối hợp với đồn biên phòng, {N} đã tham gia tuần tra {B} lượt, góp phần giữ vững an ninh vùng biên giới.", "Working with the border guard station, {N} joined {B} patrols, helping keep the border area secure."),
    ("Năm {Y}, {X} đạt chuẩn nông thôn mới, trong đó có sự đóng góp tích cực của {N}.", "In {Y}, {X} met the new rural development standard, with an active contribution from {N}."),
    ("Tỷ lệ hộ nghèo của địa phương giảm từ {P}% xuống còn {Q}%.", "The local poverty rate fell from {P}% to {Q}%."),
    ("{N} luôn gương mẫu, đoàn kết, được cán bộ và nhân dân các dân tộc tin yêu.", "{N} has always set an example and kept unity, earning the trust of officials and people of every ethnic group."),
    ("Những cách làm sáng tạo của {N} đã được nhân rộng ra {B} bản và nhiều xã lân cận.", "The creative approaches of {N} have spread to {B} villages and many neighbouring communes."),
    ("Mô hình liên kết chuỗi giá trị cà phê đã tạo việc làm ổn định cho {B} lao động địa phương.", "The coffee value-chain partnership has created stable jobs for {B} local workers."),
    ("Kinh phí huy động từ xã hội hóa đạt {M} triệu đồng, dùng để làm {B} km đường bê tông nội bản.", "Community contributions reached VND {M} million, used to build {B} km of concrete village roads."),
    ("Sản phẩm chè Shan tuyết của vùng đạt chuẩn OCOP 4 sao, được người tiêu dùng trong và ngoài tỉnh Sơn La tin dùng.", "The area's Shan Tuyết tea holds a four-star OCOP rating and is trusted by consumers in Sơn La and beyond."),
    ("Đến nay, {P}% hồ sơ thủ tục hành chính ở {X} được giải quyết trực tuyến nhờ chuyển đổi số.", "Today {P}% of administrative procedures in {X} are handled online thanks to digital transformation."),
    ("{N} thường xuyên mở lớp xóa mù chữ cho {B} người dân tộc thiểu số.", "{N} regularly runs literacy classes for {B} ethnic minority residents."),
    ("Câu chuyện của {N} là minh chứng sinh động cho tinh thần “thi đua là yêu nước, yêu nước thì phải thi đua”.", "The story of {N} vividly shows the spirit of “to emulate is to love the country”."),
    ("Doanh thu năm {Y} của mô hình đạt {M} triệu đồng, lợi nhuận khoảng {Q}%.", "In {Y} the model earned VND {M} million, with a profit margin of about {Q}%."),
    ("Hợp tác xã đã xây dựng {B} vườn mẫu theo hướng hữu cơ, sản lượng đạt {A} tấn mỗi năm.", "The cooperative set up {B} organic demonstration gardens producing {A} tonnes a year."),
    ("Mỗi năm, {N} tổ chức {B} buổi tuyên truyền về pháp luật, phòng chống ma túy và an toàn giao thông.", "Each year {N} holds {B} information sessions on the law, drug prevention and road safety."),
    ("Từ năm {Y}, đơn vị hỗ trợ {A} suất học bổng cho học sinh nghèo vượt khó ở Sơn La.", "Since {Y} the unit has funded {A} scholarships for poor but determined pupils in Sơn La."),
    ("Với tinh thần “dân vận khéo”, {N} đã vận động {B} hộ hiến {A} m² đất làm đường và nhà văn hóa bản.", "In the spirit of “skilful mass mobilisation”, {N} persuaded {B} households to donate {A} m² of land for roads and village halls."),
];
pub(super) const INTRO: [Pair; 2] = [
    ("{H}{N} hiện là {R}, {O}.", "{H}{N} is currently {R}, {O}."),
    ("{N} ({O}) hoạt động tại {X}, tỉnh Sơn La, từ năm {Y}.", "{N} ({O}) has worked in {X}, Sơn La province, since {Y}."),
];
/// Summary wording by [language][person, collective], and its ending.
pub(super) const SUMMARY_WHAT: [[&str; 2]; 2] = [
    [
        "điển hình tiên tiến lĩnh vực",
        "tập thể điển hình tiên tiến lĩnh vực",
    ],
    ["an exemplary model in", "an exemplary collective in"],
];
pub(super) const SUMMARY_END: [Pair; 2] = [
    ("tại", "tỉnh Sơn La, giai đoạn 2021–2025 (hư cấu)"),
    ("in", "Sơn La province, 2021–2025 (fictional)"),
];
pub(super) const HEADINGS: &[Pair] = &[("Hành trình", "Journey"), ("Thành tích nổi bật", "Main achievements"), ("Cách làm sáng tạo", "Creative approaches"), ("Lan tỏa", "Spreading the example")];
pub(super) const NOTICE: Pair = ("Toàn bộ nội dung trang này là hư cấu, được tạo tự động để kiểm thử và đo hiệu năng; mọi trùng hợp với người hoặc đơn vị có thật là ngẫu nhiên.", "Everything on this page is fictional, generated automatically for testing and benchmarking; any resemblance to real people or units is coincidental.");
}
use words::*;

/// One profile's structural data (generated sequentially: uniqueness checks need order).
struct Rec {
    slug: String,
    team: bool,
    name: [String; 2],
    hon: Option<Pair>,
    role: Option<Pair>,
    org: [String; 2],
    field: usize,
    commune: usize,
    eth: Option<Pair>,
    movements: Vec<usize>,
    awards: Vec<(usize, u64, Option<String>)>,
    date: (u64, u64, u64),
    tags: Vec<&'static str>,
    featured: bool,
    has_en: bool,
}

/// One profile's prose (generated in parallel, each from its own RNG stream).
struct Text {
    summary: [String; 2],
    body: [String; 2],
}

/// The Vietnamese (l = 0) or English (l = 1) half of a pair.
fn tr(p: Pair, l: usize) -> &'static str {
    [p.0, p.1][l]
}

/// Replace `{c}`-style placeholders (one ASCII letter) through `f`.
fn fill(t: &str, f: impl Fn(char) -> String) -> String {
    let mut out = String::with_capacity(t.len() + 32);
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        out.push_str(&f(rest.as_bytes()[i + 1] as char));
        rest = &rest[i + 3..];
    }
    out.push_str(rest);
    out
}

/// Integers grouped as Vietnamese (1.234.567) or English (1,234,567) write them.
fn int(n: u64, lang: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(['.', ','][lang]);
        }
        out.push(ch);
    }
    out
}
/// Tenths with a decimal comma in Vietnamese (12,5), a point in English.
fn dec(tenths: u64, lang: usize) -> String {
    format!("{}{}{}", tenths / 10, [',', '.'][lang], tenths % 10)
}
fn commune_key(i: usize) -> String {
    crate::fold::slugify(COMMUNES[i].0)
}
/// "xã Mường Sang" / "Mường Sang commune" (and "phường" / "ward").
fn locality(i: usize, lang: usize) -> String {
    let (name, ward) = COMMUNES[i];
    match (lang, ward) {
        (0, false) => format!("xã {name}"),
        (0, true) => format!("phường {name}"),
        (_, false) => format!("{name} commune"),
        (_, true) => format!("{name} ward"),
    }
}
fn unit(t: &str, commune: usize, village: &str, lang: usize) -> String {
    fill(t, |c| match c {
        'c' => COMMUNES[commune].0.to_string(),
        'x' => locality(commune, lang),
        'k' => ["Commune", "Ward"][usize::from(COMMUNES[commune].1)].to_string(),
        _ => village.to_string(),
    })
}
/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn q(s: &str) -> String {
    serde_json::to_string(s).expect("strings always serialise")
}

fn records(opts: &FixtureOptions) -> Vec<Rec> {
    let mut rng = Rng::new(opts.seed, 0);
    let mut who: HashSet<(String, String)> = HashSet::new();
    let mut slugs: HashSet<String> = HashSet::new();
    let mut twin: Option<(&str, &str, usize)> = None;
    let mut out = Vec::with_capacity(opts.profiles);
    for i in 0..opts.profiles {
        let team = rng.percent(30);
        let field = rng.below(FIELDS.len());
        let f = &FIELDS[field];
        let commune = rng.below(COMMUNES.len());
        let (mut name, mut org): ([String; 2], [String; 2]) = Default::default();
        let (mut hon, mut role, mut eth) = (None, None, None);
        // Re-roll until (folded name, folded organisation) is new: guong rejects duplicates.
        for attempt in 0.. {
            let village = format!("{} {}", rng.pick(VILLAGE_A), rng.pick(VILLAGE_B));
            if team {
                // Past a few clashes, number the unit as real ones are ("số 2").
                let t = *rng.pick(f.teams);
                name = std::array::from_fn(|l| unit(tr(t, l), commune, &village, l));
                if attempt >= 4 {
                    let no = [" số", " No."].map(|n| format!("{n} {}", attempt - 2));
                    name = std::array::from_fn(|l| format!("{}{}", name[l], no[l]));
                }
                org = [f.parent.0.to_string(), f.parent.1.to_string()];
            } else {
                let (fam, fam_eth) = *rng.pick(FAMILY);
                let (hmong, female) = (usize::from(fam_eth == 2), usize::from(rng.percent(45)));
                let mut middle = *rng.pick(MIDDLE[hmong][female]);
                let mut given = *rng.pick(GIVEN[hmong][female]);
                let mut family = fam;
                // Every 20th pair: the same name spelt with other diacritics (Sơn/Sọn/Son).
                if attempt == 0 && i % 20 == 10 {
                    let g = rng.below(FOLD_TWINS.len());
                    given = FOLD_TWINS[g][0];
                    twin = Some((fam, middle, g));
                } else if attempt == 0 && i % 20 == 11 {
                    if let Some((fa, m, g)) = twin.take() {
                        (family, middle, given) = (fa, m, FOLD_TWINS[g][1 + rng.below(2)]);
                    }
                }
                name = [0, 1].map(|_| format!("{family} {middle} {given}"));
                let o = *rng.pick(f.orgs);
                org = std::array::from_fn(|l| unit(tr(o, l), commune, &village, l));
                let hon_chance = if field == 0 { 80 } else { 35 };
                hon = (!f.hons.is_empty() && rng.percent(hon_chance)).then(|| *rng.pick(f.hons));
                role = Some(*rng.pick(f.roles));
                let e = FAMILY.iter().find(|x| x.0 == family).map_or(0, |x| x.1);
                let e = if e == 0 && rng.percent(8) { 4 } else { e };
                eth = rng.percent(60).then_some(ETHNIC[e]);
            }
            if who.insert((crate::fold::fold(&name[0]), crate::fold::fold(&org[0]))) {
                break;
            }
        }
        let base = crate::fold::slugify(&name[0]);
        let mut slug = base.clone();
        for k in 2.. {
            if slugs.insert(slug.clone()) {
                break;
            }
            slug = format!("{base}-{k}");
        }
        let mut pool: Vec<usize> = (if team { AWARDS_TEAM } else { AWARDS_PERSON }).to_vec();
        rng.shuffle(&mut pool);
        let n_awards = [0, 1, 1, 2, 2, 3][rng.below(6)];
        let awards = pool[..n_awards]
            .iter()
            .map(|&a| {
                let year = rng.range(2015, 2025);
                let decision = rng.percent(50).then(|| {
                    let sign = ["QĐ-UBND", "QĐ-TTg"][usize::from(AWARDS[a].3 == "state")];
                    format!(
                        "Quyết định số {}/{sign} ngày {}/{}/{year} (hư cấu)",
                        rng.range(10, 3999),
                        rng.range(1, 28),
                        rng.range(1, 12)
                    )
                });
                (a, year, decision)
            })
            .collect();
        let mut movements: Vec<usize> = (0..[0, 0, 1, 1, 2][rng.below(5)])
            .map(|_| rng.below(MOVEMENTS.len()))
            .collect();
        movements.sort();
        movements.dedup();
        let year = rng.range(2020, 2025);
        let month = rng.range(1, 12);
        let days = [
            31,
            28 + u64::from(year % 4 == 0),
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ];
        let days = days[month as usize - 1];
        let date = (year, month, rng.range(1, days));
        let mut tags: Vec<&str> = (0..rng.below(3)).map(|_| *rng.pick(TAGS)).collect();
        tags.sort();
        tags.dedup();
        let featured = rng.percent(1);
        let has_en = !rng.percent(10);
        out.push(Rec {
            slug,
            team,
            name,
            hon,
            role,
            org,
            field,
            commune,
            eth,
            movements,
            awards,
            date,
            tags,
            featured,
            has_en,
        });
    }
    out
}

fn text(r: &Rec, i: usize, seed: u64) -> Text {
    let mut rng = Rng::new(seed, i as u64 + 1);
    let f = &FIELDS[r.field];
    let hon = |l: usize| r.hon.map_or(String::new(), |h| format!("{} ", tr(h, l)));
    let summary: [String; 2] = std::array::from_fn(|l| {
        let what = SUMMARY_WHAT[l][usize::from(r.team)];
        let (at, end) = SUMMARY_END[l];
        let label = tr(f.label, l);
        let tail = format!("{what} “{label}” {at} {}, {end}", locality(r.commune, l));
        let who = match r.role {
            Some(role) => format!("{}{}, {}, {}", hon(l), r.name[l], tr(role, l), r.org[l]),
            None => r.name[l].clone(),
        };
        let long = format!("{who}: {tail}");
        // The cards have room for 300 characters: drop the role and unit if needed.
        if long.chars().count() <= crate::validate::SUMMARY_MAX_CHARS {
            long
        } else {
            format!("{}{}: {tail}", hon(l), r.name[l])
        }
    });
    let intro = INTRO[usize::from(r.team)];
    let mut order: Vec<usize> = (0..SENTENCES.len()).collect();
    rng.shuffle(&mut order);
    // Target 150..310 words before the closing notice keeps bodies within 150–400 words.
    let target = rng.range(150, 310) as usize;
    let mut body = [String::new(), String::new()];
    let (mut words, mut n, first_heading) = (0, 0, rng.below(HEADINGS.len()));
    while words < target {
        let t = if n == 0 {
            intro
        } else {
            SENTENCES[order[(n - 1) % order.len()]]
        };
        let (y, a, b, m) = (
            rng.range(2015, 2025),
            rng.range(20, 5000),
            rng.range(3, 200),
            rng.range(100, 60000),
        );
        let (p, qq) = (rng.range(150, 600), rng.range(5, 140));
        for (l, out) in body.iter_mut().enumerate() {
            if n > 1 && n % 4 == 1 {
                let h = tr(HEADINGS[(first_heading + n / 4) % HEADINGS.len()], l);
                out.push_str(&format!("\n\n## {h}\n\n"));
            } else if n > 0 {
                out.push(' ');
            }
            let s = fill(tr(t, l), |c| match c {
                'N' => r.name[l].clone(),
                'H' => hon(l),
                'R' => r.role.map_or("", |x| tr(x, l)).to_string(),
                'O' => r.org[l].clone(),
                'X' => locality(r.commune, l),
                'Y' => y.to_string(),
                'A' => int(a, l),
                'B' => int(b, l),
                'M' => int(m, l),
                'P' => dec(p, l),
                _ => dec(qq, l),
            });
            out.push_str(&s);
            if l == 0 {
                words += s.split_whitespace().count();
            }
        }
        n += 1;
    }
    for (l, out) in body.iter_mut().enumerate() {
        out.push_str(&format!("\n\n{}\n", tr(NOTICE, l)));
    }
    Text { summary, body }
}

/// Write `files` (relative path, text) into `out`, which must be empty or absent.
fn write_all(out: &Path, files: Vec<(String, String)>) -> Result<()> {
    if out.exists()
        && std::fs::read_dir(out)
            .with_context(|| format!("cannot read {}", out.display()))?
            .next()
            .is_some()
    {
        bail!(
            "{} is not empty: choose a new folder for the fixture",
            out.display()
        );
    }
    let dirs: BTreeSet<&Path> = files
        .iter()
        .filter_map(|(p, _)| Path::new(p).parent())
        .collect();
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    dirs.par_iter().try_for_each(|d| {
        std::fs::create_dir_all(out.join(d))
            .with_context(|| format!("cannot create {}", d.display()))
    })?;
    files.par_iter().try_for_each(|(p, text)| {
        std::fs::write(out.join(p), text).with_context(|| format!("cannot write {p}"))
    })
}

fn generate(opts: &FixtureOptions) -> (Vec<Rec>, Vec<Text>) {
    let recs = records(opts);
    let texts = recs
        .par_iter()
        .enumerate()
        .map(|(i, r)| text(r, i, opts.seed))
        .collect();
    (recs, texts)
}

/// A data-table entry: `key:` with its Vietnamese and English labels.
fn named(key: &str, vi: &str, en: &str) -> String {
    format!("{key}:\n  vi: {}\n  en: {}\n", q(vi), q(en))
}

/// Writes a complete guong site (site.yaml, data/*.yaml, content/) into `out`
/// (created; must be empty or absent).
pub fn generate_guong(out: &Path, opts: &FixtureOptions) -> Result<()> {
    let (recs, texts) = generate(opts);
    let mut files: Vec<(String, String)> = Vec::with_capacity(recs.len() * 2 + 40);
    files.push(("site.yaml".into(), format!(
        "title:\n  vi: {}\n  en: {}\ndescription:\n  vi: {}\n  en: {}\nbase_url: https://fixture.example.org\nlanguages: [vi, en]\ndefault_language: vi\ntheme: default\n",
        q("Gương điển hình tiên tiến tỉnh Sơn La (dữ liệu hư cấu)"), q("Exemplary Models of Sơn La Province (fictional data)"),
        q(&format!("Trang thử nghiệm với {} hồ sơ hư cấu, tạo tự động; mọi tên người, đơn vị và số liệu đều không có thật.", int(recs.len() as u64, 0))),
        q(&format!("A test site with {} fictional profiles, generated automatically; every name, unit and figure is invented.", int(recs.len() as u64, 1))))));
    let fields = FIELDS.iter().map(|f| named(f.key, f.label.0, f.label.1));
    files.push(("data/fields.yaml".into(), fields.collect()));
    let awards = AWARDS
        .iter()
        .map(|a| named(a.0, a.1, a.2) + &format!("  level: {}\n  kind: {}\n", a.3, a.4));
    files.push(("data/awards.yaml".into(), awards.collect()));
    let used: BTreeSet<usize> = recs.iter().map(|r| r.commune).collect();
    let communes = used.iter().map(|&c| {
        let vi = format!(
            "{} {}",
            ["Xã", "Phường"][usize::from(COMMUNES[c].1)],
            COMMUNES[c].0
        );
        named(&commune_key(c), &vi, &locality(c, 1))
    });
    files.push(("data/communes.yaml".into(), communes.collect()));
    let slogans = SLOGANS
        .iter()
        .map(|s| format!("- vi: {}\n  en: {}\n  occasion: general\n", q(s.0), q(s.1)));
    files.push(("data/slogans.yaml".into(), slogans.collect()));
    let mut rng = Rng::new(opts.seed, u64::MAX);
    for (i, theme) in CONGRESS_THEMES.iter().enumerate() {
        let year = 2000 + 5 * i as u64;
        let (delegates, month, day) = (rng.range(20, 40) * 10, rng.range(8, 11), rng.range(1, 28));
        files.push((format!("content/congresses/{:02}.vi.md", i + 1), format!(
            "---\nnumber: {}\nyear: {year}\ndate: {year}-{month:02}-{day:02}\ndelegates: {delegates}\ndelegates_approx: true\ntheme: {}\ntitle: {}\n---\nĐại hội hư cấu lần thứ {} họp ngày {day}/{month}/{year} tại thành phố Sơn La với khoảng {delegates} đại biểu, tiêu biểu cho các tập thể, cá nhân điển hình tiên tiến trong phong trào thi đua yêu nước.\n\n## Kết quả\n\nĐại hội biểu dương {} tập thể và {} cá nhân (số liệu hư cấu).\n",
            i + 1, q(theme.0), q(&format!("Đại hội Thi đua yêu nước tỉnh Sơn La lần thứ {} (hư cấu)", ROMAN[i])), ROMAN[i], int(rng.range(30, 120), 0), int(rng.range(50, 250), 0))));
        files.push((format!("content/congresses/{:02}.en.md", i + 1), format!(
            "---\ntitle: {}\ntheme: {}\n---\nThe fictional {} congress met on {day}/{month}/{year} in Sơn La city with about {delegates} delegates representing the exemplary collectives and individuals of the patriotic emulation movement.\n",
            q(&format!("The {} Sơn La Provincial Patriotic Emulation Congress (fictional)", ORDINAL[i])), q(theme.1), ORDINAL[i].to_lowercase())));
    }
    for (slug, title, by, period) in MOVEMENTS {
        let mut results = String::new();
        for a in [AWARDS[0].0, AWARDS[8].0] {
            let (c, i) = (rng.range(5, 120), rng.range(10, 1500));
            results += &format!("  - award: {a}\n    collectives: {c}\n    individuals: {i}\n");
        }
        files.push((format!("content/movements/{slug}.vi.md"), format!(
            "---\ntitle: {}\nlaunched_by: {by}\nperiod: {}\nresults:\n{results}---\nPhong trào hư cấu “{}” được triển khai sâu rộng đến các xã, phường, bản của tỉnh Sơn La giai đoạn {period}, gắn với xây dựng nông thôn mới, chuyển đổi số và xóa nhà tạm.\n\n## Kết quả\n\nCó {} hợp tác xã và {} hộ gia đình tham gia (số liệu hư cấu).\n",
            q(title.0), q(period), title.0.trim_end_matches(" (hư cấu)"), int(rng.range(20, 400), 0), int(rng.range(1000, 90000), 0))));
        files.push((format!("content/movements/{slug}.en.md"), format!(
            "---\ntitle: {}\n---\nThe fictional movement “{}” reached the communes, wards and villages of Sơn La province in {period}, alongside new rural development, digital transformation and the replacement of makeshift homes.\n",
            q(title.1), title.1.trim_end_matches(" (fictional)"))));
    }
    files.push(("content/pages/gioi-thieu.vi.md".into(), "---\ntitle: \"Giới thiệu (hư cấu)\"\nsummary: \"Trang thử nghiệm với dữ liệu hư cấu.\"\n---\nMọi hồ sơ trên trang này là hư cấu, được tạo tự động bằng `guong dev gen-fixture` để kiểm thử và đo hiệu năng.\n".into()));
    files.push(("content/pages/gioi-thieu.en.md".into(), "---\ntitle: \"About (fictional)\"\nsummary: \"A test site with fictional data.\"\n---\nEvery profile on this site is fictional, generated by `guong dev gen-fixture` for testing and benchmarking.\n".into()));
    let profiles: Vec<(String, String)> = (recs.par_iter().zip(texts.par_iter()))
        .flat_map_iter(|(r, t)| {
            (0..1 + usize::from(r.has_en)).map(|l| {
                let path = format!("content/profiles/{}/index.{}.md", r.slug, LANGS[l]);
                (path, guong_profile(r, t, l))
            })
        })
        .collect();
    files.extend(profiles);
    write_all(out, files)
}

const LANGS: [&str; 2] = ["vi", "en"];

/// Append `key: "value"` when there is a value.
fn kv(s: &mut String, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        s.push_str(&format!("{key}: {}\n", q(v)));
    }
}

/// A profile file; the English one carries only the text that changes with the language.
fn guong_profile(r: &Rec, t: &Text, l: usize) -> String {
    let mut s = String::from("---\n");
    kv(&mut s, "name", (l == 0 || r.team).then_some(&r.name[l]));
    if l == 0 {
        s.push_str(&format!("kind: {}\n", KINDS[usize::from(r.team)]));
    }
    kv(&mut s, "honorific", r.hon.map(|h| tr(h, l)));
    kv(&mut s, "role", r.role.map(|x| tr(x, l)));
    kv(&mut s, "organization", Some(&r.org[l]));
    kv(&mut s, "ethnicity", r.eth.map(|e| tr(e, l)));
    kv(&mut s, "summary", Some(&t.summary[l]));
    if l == 1 {
        return format!("{s}---\n{}", t.body[1]);
    }
    let (y, m, d) = r.date;
    let f = FIELDS[r.field].key;
    s.push_str(&format!(
        "field: {f}\ncommune: {}\ndate: {y}-{m:02}-{d:02}\n",
        commune_key(r.commune)
    ));
    if !r.movements.is_empty() {
        let slugs: Vec<&str> = r.movements.iter().map(|&m| MOVEMENTS[m].0).collect();
        s.push_str(&format!("movements: [{}]\n", slugs.join(", ")));
    }
    if !r.awards.is_empty() {
        s.push_str("awards:\n");
    }
    for (a, year, decision) in &r.awards {
        s.push_str(&format!("  - award: {}\n    year: {year}\n", AWARDS[*a].0));
        kv(&mut s, "    decision", decision.as_deref());
    }
    if !r.tags.is_empty() {
        s.push_str(&format!("tags: [{}]\n", r.tags.join(", ")));
    }
    if r.featured {
        s.push_str("featured: true\n");
    }
    format!("{s}---\n{}", t.body[0])
}

/// A Hugo page bundle file: the same text, structural data as labels.
fn hugo_profile(r: &Rec, t: &Text, l: usize) -> String {
    let mut s = String::from("---\n");
    kv(&mut s, "title", Some(&r.name[l]));
    kv(&mut s, "honorific", r.hon.map(|h| tr(h, l)));
    kv(&mut s, "role", r.role.map(|x| tr(x, l)));
    kv(&mut s, "organization", Some(&r.org[l]));
    kv(&mut s, "field", Some(tr(FIELDS[r.field].label, l)));
    kv(&mut s, "commune", Some(COMMUNES[r.commune].0));
    kv(&mut s, "kind", Some(KINDS[usize::from(r.team)]));
    kv(&mut s, "summary", Some(&t.summary[l]));
    let (y, m, d) = r.date;
    let key = FIELDS[r.field].key;
    format!(
        "{s}date: {y}-{m:02}-{d:02}\nfields: [{key}]\n---\n{}",
        t.body[l]
    )
}

const HUGO_BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}</head>
<body><header><a href="{{ "/" | relLangURL }}">{{ site.Title }}</a>
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.Lang }}</a>{{ end }}</header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"#;
const HUGO_SINGLE: &str = r#"{{ define "main" }}<article>
<h1>{{ with .Params.honorific }}{{ . }} {{ end }}{{ .Title }}</h1>
{{ with .Params.role }}<p class="role">{{ . }}</p>{{ end }}<p class="organization">{{ .Params.organization }}</p>
<p class="field">{{ .Params.field }}</p><p class="commune">{{ .Params.commune }}</p>
<p class="summary">{{ .Params.summary }}</p>
{{ .Content }}</article>{{ end }}
"#;
const HUGO_LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>{{ $p := .Paginate .Pages }}
<ul>{{ range $p.Pages }}<li><a href="{{ .RelPermalink }}">{{ with .Params.honorific }}{{ . }} {{ end }}{{ .Title }}</a>
<span>{{ .Params.role }}</span> <span>{{ .Params.organization }}</span> <span>{{ .Params.field }}</span><p>{{ .Params.summary }}</p></li>{{ end }}</ul>
<nav>{{ with $p.Prev }}<a href="{{ .URL }}">←</a>{{ end }} {{ $p.PageNumber }}/{{ $p.TotalPages }} {{ with $p.Next }}<a href="{{ .URL }}">→</a>{{ end }}</nav>{{ end }}
"#;
const HUGO_TAXONOMY: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
"#;
const HUGO_HOME: &str = r#"{{ define "main" }}<h1>{{ site.Title }}</h1>
<p><a href="{{ "profiles/" | relLangURL }}">{{ len (where site.RegularPages "Section" "profiles") }}</a> · <a href="{{ "fields/" | relLangURL }}">{{ len site.Taxonomies.fields }}</a></p>
<ul>{{ range first 12 (where site.RegularPages "Section" "profiles") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Params.summary }}</p></li>{{ end }}</ul>{{ end }}
"#;

/// Writes the same records as a Hugo site into `out`: config (hugo.toml) with
/// two languages (vi default at /, en under /en/), `content/profiles/<slug>/`
/// `index.vi.md` and `index.en.md` page bundles with front matter (title,
/// honorific, role, organization, field, commune, kind, date, summary) and the
/// same body, a `fields` taxonomy, and minimal layouts (baseof, single, list,
/// taxonomy/term, home) that render the same fields (name, honorific, role,
/// organization, field, summary, body) — no theme, no external requests.
pub fn generate_hugo(out: &Path, opts: &FixtureOptions) -> Result<()> {
    let (recs, texts) = generate(opts);
    let mut files: Vec<(String, String)> = vec![
        ("hugo.toml".into(), format!(
            "baseURL = \"https://fixture.example.org/\"\ndefaultContentLanguage = \"vi\"\ndefaultContentLanguageInSubdir = false\n\n[pagination]\npagerSize = 24\n\n[taxonomies]\nfield = \"fields\"\n\n[languages.vi]\nweight = 1\ntitle = {}\n\n[languages.en]\nweight = 2\ntitle = {}\n",
            q("Gương điển hình tiên tiến tỉnh Sơn La (dữ liệu hư cấu)"), q("Exemplary Models of Sơn La Province (fictional data)"))),
        ("layouts/baseof.html".into(), HUGO_BASEOF.into()),
        ("layouts/single.html".into(), HUGO_SINGLE.into()),
        ("layouts/list.html".into(), HUGO_LIST.into()),
        ("layouts/term.html".into(), HUGO_LIST.into()),
        ("layouts/taxonomy.html".into(), HUGO_TAXONOMY.into()),
        ("layouts/home.html".into(), HUGO_HOME.into()),
        ("content/profiles/_index.vi.md".into(), "---\ntitle: \"Điển hình tiên tiến (hư cấu)\"\n---\n".into()),
        ("content/profiles/_index.en.md".into(), "---\ntitle: \"Exemplary models (fictional)\"\n---\n".into()),
        ("content/fields/_index.vi.md".into(), "---\ntitle: \"Lĩnh vực\"\n---\n".into()),
        ("content/fields/_index.en.md".into(), "---\ntitle: \"Fields\"\n---\n".into()),
    ];
    for f in &FIELDS {
        for (l, lang) in LANGS.iter().enumerate() {
            files.push((
                format!("content/fields/{}/_index.{lang}.md", f.key),
                format!("---\ntitle: {}\n---\n", q(tr(f.label, l))),
            ));
        }
    }
    let profiles: Vec<(String, String)> = (recs.par_iter().zip(texts.par_iter()))
        .flat_map_iter(|(r, t)| {
            (0..1 + usize::from(r.has_en)).map(|l| {
                let path = format!("content/profiles/{}/index.{}.md", r.slug, LANGS[l]);
                (path, hugo_profile(r, t, l))
            })
        })
        .collect();
    files.extend(profiles);
    write_all(out, files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn snapshot(dir: &Path) -> BTreeMap<std::path::PathBuf, Vec<u8>> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn same_options_give_byte_identical_sites() {
        let opts = FixtureOptions {
            profiles: 50,
            seed: 7,
        };
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        for dir in [a.path(), b.path()] {
            generate_guong(&dir.join("guong"), &opts).unwrap();
            generate_hugo(&dir.join("hugo"), &opts).unwrap();
        }
        let (sa, sb) = (snapshot(a.path()), snapshot(b.path()));
        assert!(sa.len() > 100, "only {} files", sa.len());
        assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
        for (path, bytes) in &sa {
            assert!(
                sb[path] == *bytes,
                "{} differs between runs",
                path.display()
            );
            let text = std::str::from_utf8(bytes).unwrap();
            assert_eq!(
                crate::fold::nfc(text),
                text,
                "{} is not NFC",
                path.display()
            );
        }
        // A non-empty folder is refused rather than mixed into.
        assert!(generate_guong(&a.path().join("guong"), &opts).is_err());
    }

    #[test]
    fn generated_site_loads_without_errors() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        generate_guong(
            &root,
            &FixtureOptions {
                profiles: 50,
                seed: 1,
            },
        )
        .unwrap();
        let loaded = match crate::load(&crate::Options {
            root,
            base_url: None,
            drafts: false,
        }) {
            Ok(l) => l,
            Err(e) => panic!("the fixture does not load: {:?}", e.0),
        };
        assert_eq!(loaded.site.profiles.len(), 50);
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.site.congresses.len(), 6);
        assert_eq!(loaded.site.movements.len(), 8);
        for p in &loaded.site.profiles {
            assert!(p.text.vi.summary.ends_with(" (hư cấu)"), "{}", p.slug);
            if let Some(en) = &p.text.en {
                assert!(en.summary.ends_with(" (fictional)"), "{}", p.slug);
            }
        }
    }

    #[test]
    fn many_profiles_stay_valid_and_varied() {
        let opts = FixtureOptions {
            profiles: 5000,
            seed: 3,
        };
        let (recs, texts) = generate(&opts);
        let slugs: HashSet<&str> = recs.iter().map(|r| r.slug.as_str()).collect();
        assert_eq!(slugs.len(), recs.len());
        assert!(recs.iter().all(|r| crate::fold::is_slug(&r.slug)));
        for t in &texts {
            assert!(
                t.summary
                    .iter()
                    .all(|s| s.chars().count() <= crate::validate::SUMMARY_MAX_CHARS),
                "{:?}",
                t.summary
            );
            let words = t.body[0].split_whitespace().count();
            assert!((150..=400).contains(&words), "{words} words");
        }
        let teams = recs.iter().filter(|r| r.team).count() as f64 / recs.len() as f64;
        let en = recs.iter().filter(|r| r.has_en).count() as f64 / recs.len() as f64;
        assert!(
            (0.25..0.35).contains(&teams) && (0.85..0.95).contains(&en),
            "{teams} {en}"
        );
        // Names that fold alike but are spelt differently (Sơn / Sọn / Son).
        let mut by_fold: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
        for r in &recs {
            by_fold
                .entry(crate::fold::fold(&r.name[0]))
                .or_default()
                .insert(&r.name[0]);
        }
        assert!(by_fold.values().filter(|v| v.len() > 1).count() >= 50);
    }
}
