// Clearly fictional profiles of growing length, for the print tests: a copy
// of the good fixture (tests/fixtures/good) with profiles whose stories have
// `n` paragraphs each, built with the guong binary (GUONG_BIN).
import { cp, mkdir, writeFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The story of fictional profile `n`: `n` paragraphs, a heading every fifth. */
export function story(n) {
  const parts = [];
  for (let i = 1; i <= n; i++) {
    if (i > 1 && i % 5 === 1) parts.push(`## Giai đoạn hư cấu ${Math.ceil(i / 5)}`);
    parts.push(`Đây là đoạn văn hư cấu số ${i}, viết ra để thử bản in của một hồ sơ dài: ` +
      `nhân vật, đơn vị và số liệu trong đoạn này đều không có thật. Xã Mường Mẫu (hư cấu) ` +
      `có ${i * 7} hộ tham gia mô hình trồng cây ăn quả, mỗi năm thu nhập tăng thêm khoảng ` +
      `${i * 3} triệu đồng một hộ.`);
  }
  return parts.join('\n\n');
}

function profile(n) {
  return `---
name: "Hồ Sơ Hư Cấu ${n}"
kind: individual
honorific: Kỹ sư
role: "Tổ trưởng tổ hư cấu"
organization: "Hợp tác xã Hư Cấu Mường Mẫu"
field: y-te
commune: muong-mau
awards:
  - award: chien-si-thi-dua-cap-tinh
    year: 2024
    decision: "Quyết định số ${n}/QĐ-UBND ngày 12/6/2024 (hư cấu)"
  - award: bang-khen-chu-tich-ubnd-tinh
    year: 2023
summary: "Nhân vật hư cấu có câu chuyện ${n} đoạn, để thử bản in một trang A4."
date: 2025-08-07
sources:
  - title: "Tài liệu hư cấu số ${n}"
    url: https://nguon.example.org/tai-lieu-${n}
---
${story(n)}
`;
}

/** Build the good fixture plus a profile `ho-so-hu-cau-<n>` for each n; returns the built site's folder. */
export async function buildLongSite(counts) {
  const bin = process.env.GUONG_BIN;
  if (!bin) throw new Error('GUONG_BIN is not set: the path of the guong binary that builds the fictional site');
  const root = await mkdtemp(path.join(tmpdir(), 'guong-print-'));
  await cp(path.join(ROOT, 'tests/fixtures/good'), root, { recursive: true });
  for (const n of counts) {
    const dir = path.join(root, 'content/profiles', `ho-so-hu-cau-${n}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'index.vi.md'), profile(n));
  }
  execFileSync(bin, ['build', '--root', root, '--out', path.join(root, 'public')], { stdio: 'pipe' });
  return path.join(root, 'public');
}
