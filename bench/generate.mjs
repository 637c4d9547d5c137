#!/usr/bin/env node
// Seeded generator of CRM-like exports for the benchmark: deals, activities and leads, in
// English form (UTF-8, comma, 1234.56, ISO dates) or Russian form (Windows-1251, `;`,
// `1 234,56` with U+00A0 groups, dd.mm.yyyy). Clients follow a Zipf law, as real portfolios do.
//
//   node bench/generate.mjs deals en 1000000 > deals.csv
//   node bench/generate.mjs --all 1e6 bench/data
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, seedable; the same seed gives the same file on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLIENTS = 5000;
const MANAGERS = ['Olga Petrova', 'Ivan Sidorov', 'Anna Kim', 'Pavel Orlov', 'Maria Lebedeva', 'Sergey Volkov'];
const MANAGERS_RU = ['Петрова Ольга', 'Сидоров Иван', 'Ким Анна', 'Орлов Павел', 'Лебедева Мария', 'Волков Сергей'];

/** Zipf(s = 1.1) over CLIENTS ranks, by inverse CDF on a precomputed table. */
function zipf(random) {
  const cdf = new Float64Array(CLIENTS);
  let sum = 0;
  for (let k = 1; k <= CLIENTS; k++) sum += 1 / k ** 1.1;
  let acc = 0;
  for (let k = 1; k <= CLIENTS; k++) {
    acc += 1 / k ** 1.1 / sum;
    cdf[k - 1] = acc;
  }
  return () => {
    const u = random();
    let lo = 0;
    let hi = CLIENTS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const pad = (n) => String(n).padStart(2, '0');
const groupRu = (whole) => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

function dateText(day, ru) {
  const d = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000);
  const y = d.getUTCFullYear();
  const m = pad(d.getUTCMonth() + 1);
  const dd = pad(d.getUTCDate());
  return ru ? `${dd}.${m}.${y}` : `${y}-${m}-${dd}`;
}

function amountText(cents, ru) {
  const whole = Math.floor(cents / 100);
  const frac = pad(cents % 100);
  return ru ? `${groupRu(whole)},${frac}` : `${whole}.${frac}`;
}

function clientName(i, ru) {
  return ru ? `ООО Клиент ${i}` : `Client ${i} Ltd`;
}

const KINDS = {
  deals(random, pick, ru) {
    const header = ru
      ? 'ID;Компания;Бюджет;Этап сделки;Ответственный;Дата закрытия'
      : 'id,client,amount,status,manager,close_date';
    const won = ru ? 'Успешно реализовано' : 'Won';
    const lost = ru ? 'Закрыто и не реализовано' : 'Lost';
    const open = ru ? 'Переговоры' : 'Negotiation';
    let id = 0;
    return {
      header,
      row() {
        const c = pick();
        const r = random();
        const status = r < 0.7 ? won : r < 0.85 ? lost : open;
        const cents = Math.floor(100_000 + random() * 50_000_000);
        const sep = ru ? ';' : ',';
        return [
          ++id,
          clientName(c, ru),
          amountText(cents, ru),
          status,
          (ru ? MANAGERS_RU : MANAGERS)[c % 6],
          dateText(Math.floor(random() * 700), ru),
        ].join(sep);
      },
    };
  },
  activities(random, pick, ru) {
    const header = ru ? 'Дата выполнения;Компания;Тип;Результат;Ответственный' : 'date,client,type,outcome,owner';
    const types = ru ? ['Звонок', 'Встреча', 'Письмо', 'Визит'] : ['Call', 'Meeting', 'Email', 'Visit'];
    const outcomes = ru ? ['Позитивный', 'Нейтральный', 'Негативный'] : ['Positive', 'Neutral', 'Negative'];
    return {
      header,
      row() {
        const c = pick();
        const r = random();
        const o = r < 0.6 ? 0 : r < 0.9 ? 1 : 2;
        const sep = ru ? ';' : ',';
        return [
          dateText(Math.floor(random() * 700), ru),
          clientName(c, ru),
          types[Math.floor(random() * 4)],
          outcomes[o],
          (ru ? MANAGERS_RU : MANAGERS)[c % 6],
        ].join(sep);
      },
    };
  },
  leads(random, pick, ru) {
    const header = ru
      ? 'Название сделки;Компания;Бюджет;Предполагаемая дата закрытия;Этап сделки;Ответственный'
      : 'lead,client,amount,expected_close,status,owner';
    let id = 0;
    return {
      header,
      row() {
        const c = pick();
        const r = random();
        const status = ru ? (r < 0.9 ? 'Переговоры' : 'Успешно реализовано') : r < 0.9 ? 'Open' : 'Won';
        const sep = ru ? ';' : ',';
        const cents = Math.floor(100_000 + random() * 50_000_000);
        return [
          `${ru ? 'Заявка' : 'Lead'} ${++id}`,
          clientName(c, ru),
          amountText(cents, ru),
          dateText(600 + Math.floor(random() * 200), ru),
          status,
          (ru ? MANAGERS_RU : MANAGERS)[c % 6],
        ].join(sep);
      },
    };
  },
};

/** Write one file; Windows-1251 for the Russian form, encoded by a table built from TextDecoder. */
export function generate(kind, lang, rows, out, seed = 42) {
  const random = rng(seed);
  const pick = zipf(random);
  const ru = lang === 'ru';
  const gen = KINDS[kind](random, pick, ru);
  const encode = ru ? cp1251Encoder() : (s) => Buffer.from(s, 'utf8');
  const lines = [gen.header];
  return new Promise((resolve, reject) => {
    out.on('error', reject);
    const flush = (last) => {
      const ok = out.write(encode(`${lines.join('\r\n')}\r\n`));
      lines.length = 0;
      if (last) out.end(resolve);
      return ok;
    };
    let i = 0;
    const step = () => {
      while (i < rows) {
        lines.push(gen.row());
        i++;
        if (lines.length >= 10_000 && !flush(false)) return out.once('drain', step);
      }
      flush(true);
    };
    step();
  });
}

function cp1251Encoder() {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return (text) => {
    const bytes = Buffer.allocUnsafe(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      bytes[i] = code < 0x80 ? code : (table.get(text[i]) ?? 0x3f);
    }
    return bytes;
  };
}

async function main(argv) {
  if (argv[0] === '--all') {
    const rows = Number(argv[1] ?? 1e6);
    const dir = argv[2] ?? 'bench/data';
    mkdirSync(dir, { recursive: true });
    for (const kind of Object.keys(KINDS)) {
      for (const lang of ['en', 'ru']) {
        const file = join(dir, `${kind}-${lang}-${rows}.csv`);
        await generate(kind, lang, rows, createWriteStream(file));
        process.stderr.write(`wrote ${file}\n`);
      }
    }
    return;
  }
  const [kind, lang, rows] = argv;
  if (!KINDS[kind] || !['en', 'ru'].includes(lang) || !Number(rows)) {
    process.stderr.write(
      'usage: generate.mjs deals|activities|leads en|ru ROWS > file.csv\n       generate.mjs --all ROWS [DIR]\n',
    );
    process.exit(2);
  }
  await generate(kind, lang, Number(rows), process.stdout);
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
