// echo and printf, as bash's builtins behave.
import type { Command } from '../command.ts';
import { cEscape } from '../parser.ts';

/** Backslash escapes for echo -e and printf %b; '\c' stops all further output. */
export function interpretEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const n = text[i + 1]!;
    if (n === 'c') return { text: out, stop: true };
    if (n === '0') {
      // echo's octal is \0NNN (up to three digits after the zero).
      const oct = /^[0-7]{0,3}/.exec(text.slice(i + 2))![0];
      out += String.fromCharCode(parseInt(oct || '0', 8) & 0xff);
      i += 1 + oct.length;
      continue;
    }
    const [escaped, used] = cEscape(text, i + 1);
    out += escaped;
    i += used;
  }
  return { text: out, stop: false };
}

export const echo: Command = {
  name: 'echo',
  summary: 'print its arguments (-n no newline, -e escapes)',
  group: 'text',
  run(ctx) {
    let newline = true;
    let escapes = false;
    let i = 0;
    // Only words made of n, e and E after a dash are options; anything else is printed.
    for (; i < ctx.args.length && /^-[neE]+$/.test(ctx.args[i]!); i++) {
      for (const c of ctx.args[i]!.slice(1)) {
        if (c === 'n') newline = false;
        else if (c === 'e') escapes = true;
        else escapes = false;
      }
    }
    let text = ctx.args.slice(i).join(' ');
    if (escapes) {
      const result = interpretEscapes(text);
      text = result.text;
      if (result.stop) newline = false;
    }
    ctx.stdout.write(newline ? text + '\n' : text);
    return 0;
  },
};

/** Parse a printf numeric argument: 42, -3, 0x1f, 010, 'a (character code). */
function numericArg(arg: string | undefined, onError: (message: string) => void): number {
  if (arg === undefined || arg === '') return 0;
  if (/^['"]/.test(arg)) return arg.codePointAt(1) ?? 0;
  const trimmed = arg.trim();
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(trimmed)) return parseInt(trimmed, 16);
  if (/^[+-]?0[0-7]+$/.test(trimmed)) return parseInt(trimmed, 8);
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  const prefix = /^[+-]?\d+/.exec(trimmed);
  onError(prefix ? `printf: ${arg}: invalid number` : `printf: ${arg}: invalid number`);
  return prefix ? Number(prefix[0]) : 0;
}

function pad(text: string, flags: string, width: number | undefined): string {
  if (width === undefined || text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && /^[+-]?\d/.test(text)) {
    const sign = /^[+-]/.test(text) ? text[0]! : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

/** printf FORMAT [ARGUMENT]…: the format is reused until the arguments run out. */
export function formatPrintf(format: string, args: readonly string[], onError: (message: string) => void): { text: string; stop: boolean } {
  let out = '';
  let argIndex = 0;
  const spec = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfgGcsbq%])/y;
  do {
    let consumed = false;
    for (let i = 0; i < format.length; ) {
      const c = format[i]!;
      if (c === '\\') {
        if (format[i + 1] === 'c') return { text: out, stop: true };
        const [escaped, used] = cEscape(format, i + 1);
        out += escaped;
        i += 1 + used;
        continue;
      }
      if (c !== '%') {
        out += c;
        i++;
        continue;
      }
      spec.lastIndex = i;
      const m = spec.exec(format);
      if (!m) {
        onError(`printf: ${format.slice(i, i + 2)}: invalid conversion specification`);
        return { text: out, stop: true };
      }
      i = spec.lastIndex;
      const [, flags = '', widthText, precisionText, conversion] = m;
      if (conversion === '%') {
        out += '%';
        continue;
      }
      const next = () => {
        consumed = true;
        return args[argIndex++];
      };
      const width = widthText === '*' ? numericArg(next(), onError) : widthText !== undefined ? Number(widthText) : undefined;
      const precision = precisionText === '*' ? numericArg(next(), onError) : precisionText !== undefined ? Number(precisionText) : undefined;
      const arg = next();
      let text: string;
      switch (conversion) {
        case 's':
          text = (arg ?? '').slice(0, precision);
          break;
        case 'b': {
          const result = interpretEscapes(arg ?? '');
          if (result.stop) return { text: out + result.text, stop: true };
          text = result.text;
          break;
        }
        case 'q':
          text = arg === undefined || arg === '' ? "''" : /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : arg.replace(/[^A-Za-z0-9_@%+=:,./-]/g, '\\$&');
          break;
        case 'c':
          text = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i':
        case 'u': {
          const n = Math.trunc(numericArg(arg, onError));
          text = (n >= 0 && flags.includes('+') ? '+' : n >= 0 && flags.includes(' ') ? ' ' : '') + String(n);
          break;
        }
        case 'o':
        case 'x':
        case 'X': {
          const n = Math.trunc(numericArg(arg, onError));
          text = n.toString(conversion === 'o' ? 8 : 16);
          if (conversion === 'X') text = text.toUpperCase();
          if (flags.includes('#') && n !== 0) text = (conversion === 'o' ? '0' : conversion === 'x' ? '0x' : '0X') + text;
          break;
        }
        default: {
          const n = numericArg(arg, onError);
          const p = precision ?? 6;
          text = conversion === 'f' ? n.toFixed(p) : conversion === 'e' || conversion === 'E' ? n.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(n.toPrecision(p || 1)));
          if (conversion === 'E' || conversion === 'G') text = text.toUpperCase();
          if (n >= 0 && flags.includes('+')) text = '+' + text;
        }
      }
      out += pad(text, flags, width);
    }
    if (!consumed) break;
  } while (argIndex < args.length);
  return { text: out, stop: false };
}

export const printf: Command = {
  name: 'printf',
  summary: "format and print (printf '%s\\n' a b)",
  group: 'text',
  run(ctx) {
    const args = ctx.args[0] === '--' ? ctx.args.slice(1) : ctx.args;
    if (args.length === 0) {
      ctx.stderr.write('printf: usage: printf [-v var] format [arguments]\n');
      return 2;
    }
    let status = 0;
    const result = formatPrintf(args[0]!, args.slice(1), (message) => {
      ctx.stderr.write(`bash: ${message}\n`);
      status = 1;
    });
    ctx.stdout.write(result.text);
    return status;
  },
};
