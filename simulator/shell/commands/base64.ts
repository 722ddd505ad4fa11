// base64 over UTF-8 text without Buffer, so `kubectl get secret … | base64 -d` reads a Secret.
import type { Command } from '../command.ts';
import { options } from './file-commands.ts';
import { readOperand } from './inputs.ts';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const lookup = new Map([...alphabet].map((c, i) => [c, i]));

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    out += b === undefined ? '=' : alphabet[(n >> 6) & 63]!;
    out += c === undefined ? '=' : alphabet[n & 63]!;
  }
  return out;
}

/** Bytes, or undefined when the input is not base64 (after dropping newlines). */
export function decodeBase64(text: string, ignoreGarbage = false): Uint8Array | undefined {
  let clean = text.replace(/[\r\n]/g, '');
  if (ignoreGarbage) clean = clean.replace(/[^A-Za-z0-9+/=]/g, '');
  const body = clean.replace(/=+$/, '');
  if (/[^A-Za-z0-9+/]/.test(body) || body.length % 4 === 1 || clean.length - body.length > 2) return undefined;
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of body) {
    value = (value << 6) | lookup.get(c)!;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  return new Uint8Array(bytes);
}

export const base64: Command = {
  name: 'base64',
  summary: 'encode, or decode with -d (reading Secrets)',
  group: 'text',
  async run(ctx) {
    const opts = options(ctx, 'base64', { flags: 'di', values: 'w', long: { decode: { key: 'd' }, 'ignore-garbage': { key: 'i' }, wrap: { key: 'w', value: true } } });
    if (typeof opts === 'number') return opts;
    if (opts.operands.length > 1) {
      ctx.stderr.write(`base64: extra operand ‘${opts.operands[1]}’\nTry 'base64 --help' for more information.\n`);
      return 1;
    }
    const name = opts.operands[0] ?? '-';
    const operand = await readOperand(ctx, name);
    if ('error' in operand) {
      ctx.stderr.write(`base64: ${name}: ${operand.error.message}\n`);
      return 1;
    }
    if (opts.has('d')) {
      const bytes = decodeBase64(operand.text, opts.has('i'));
      if (!bytes) {
        // GNU prints what decoded before the bad character; the whole valid prefix is close enough.
        const valid = /^[A-Za-z0-9+/\r\n]*/.exec(operand.text)![0].replace(/[\r\n]/g, '');
        const prefix = decodeBase64(valid.slice(0, valid.length - (valid.length % 4)));
        if (prefix) ctx.stdout.write(new TextDecoder().decode(prefix));
        ctx.stderr.write('base64: invalid input\n');
        return 1;
      }
      ctx.stdout.write(new TextDecoder().decode(bytes));
      return 0;
    }
    const wrapText = opts.last('w') ?? '76';
    if (!/^\d+$/.test(wrapText)) {
      ctx.stderr.write(`base64: invalid wrap size: ‘${wrapText}’\n`);
      return 1;
    }
    const wrap = Number(wrapText);
    const encoded = encodeBase64(new TextEncoder().encode(operand.text));
    if (encoded === '') return 0;
    const lines = wrap === 0 ? [encoded] : (encoded.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []);
    ctx.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
