#!/usr/bin/env python3
"""Wraps C# lines longer than MAX (120): usage scripts/wrap-lines.py FILE...

Comment paragraphs (// and ///) are re-wrapped; a one-line <summary> becomes a three-line one. Code lines are broken
only between tokens (never inside a string, char literal or type argument list), preferring the lowest nesting level:
after a statement head, before &&, ||, ??, ?, :, or, and; after a comma, '=>', '=' or '('; long string literals are
split into concatenated parts. One-line blocks (try { ... }) are expanded. The compiler checks the result; lines it
cannot break stay long for a hand edit (the build's line check names them)."""
import re
import sys

MAX = 120


def scan_string(s, i, spaces=None):
    """s[i] starts a string or char literal (possibly with $/@ prefixes). Returns index after it, or -1 if it
    does not end on this line."""
    j = i
    interp = verbatim = False
    while j < len(s) and s[j] in '$@':
        if s[j] == '$':
            interp = True
        else:
            verbatim = True
        j += 1
    if s.startswith('"""', j):
        return -1
    q = s[j]
    j += 1
    while j < len(s):
        c = s[j]
        if c == '\\' and not verbatim and q in '"\'':
            if spaces is not None and q == '"' and s[j + 1:j + 2] == 'n' and j + 2 < len(s) and s[j + 2] != q:
                spaces.append(j + 1)
            j += 2
            continue
        if c == q:
            if verbatim and j + 1 < len(s) and s[j + 1] == q:
                j += 2
                continue
            return j + 1
        if interp and c == '{':
            if j + 1 < len(s) and s[j + 1] == '{':
                j += 2
                continue
            j = scan_code_until_brace(s, j + 1)
            if j < 0:
                return -1
            continue
        if c == ' ' and spaces is not None and q == '"' and not verbatim:
            spaces.append(j)
        j += 1
    return -1


def scan_code_until_brace(s, j):
    depth = 0
    while j < len(s):
        c = s[j]
        if c == '"' or (c in '$@' and j + 1 < len(s) and s[j + 1] in '"$@'):
            j = scan_string(s, j)
            if j < 0:
                return -1
            continue
        if c == "'":
            j = scan_string(s, j)
            if j < 0:
                return -1
            continue
        if c == '{':
            depth += 1
        elif c == '}':
            if depth == 0:
                return j + 1
            depth -= 1
        j += 1
    return -1


def generic_end(s, i):
    """Index after the '>' closing a type argument list opened at s[i], or -1 when it is not one."""
    nest = 0
    for j in range(i, len(s)):
        c = s[j]
        if c == '<':
            nest += 1
        elif c == '>':
            nest -= 1
            if nest == 0:
                return j + 1
        elif not (c.isalnum() or c in '_ ,.?[]()'):
            return -1
    return -1


def code_tokens(s):
    """Returns (candidates, comment_start) where candidates are (pos, kind, depth): a break may go at pos (the line is
    cut there and leading spaces of the rest are dropped). None if the line is not safe to touch."""
    cands = []
    depth = 0
    i = 0
    n = len(s)
    stmt = re.match(r'^ *(?:else )?(?:if|foreach|while|for|using|lock) \(', s) is not None
    while i < n:
        c = s[i]
        if c == '/' and i + 1 < n and s[i + 1] == '/':
            return cands, i
        if c == '/' and i + 1 < n and s[i + 1] == '*':
            return None
        if c == '"' or c == "'" or (c in '$@' and i + 1 < n and s[i + 1] in '"$@'):
            sp = []
            j = scan_string(s, i, sp)
            if j < 0:
                return None
            prefix = s[i:s.index('"', i)] if c != "'" else None
            after = s[j:].lstrip(' ')
            if prefix is not None and '@' not in prefix and not after.startswith(('u8', '.', '[', '?', 'switch')):
                for p in sp:
                    cands.append((p + 1, 'str:' + prefix, depth))
            i = j
            continue
        if c == '<' and i > 0 and (s[i - 1].isalnum() or s[i - 1] == '_'):
            j = generic_end(s, i)
            if j > 0:
                i = j
                continue
        if c in '([{':
            depth += 1
            if c == '(' and i + 1 < n and s[i + 1] != ')':
                cands.append((i + 1, 'open', depth))
            elif c == '{' and i + 1 < n and s[i + 1] == ' ' and i > 0 and s[i - 1] == ' ':
                cands.append((i + 1, 'open', depth))
        elif c in ')]}':
            depth -= 1
            if c == ')' and depth == 0 and stmt and i + 2 < n and s[i + 1] == ' ' and s[i + 2] not in '{;':
                cands.append((i + 1, 'stmt', depth))
                stmt = False
            elif c == ')' and i + 1 < n and s[i + 1] in '.?' and s[i + 1:i + 3] != '?)':
                cands.append((i + 1, 'dot', depth))
        elif c == ',' and i + 1 < n and s[i + 1] == ' ':
            cands.append((i + 1, 'comma', depth))
        elif c == ' ':
            rest = s[i + 1:]
            prev = s[:i]
            operators = ('&& ', '|| ', '?? ', '? ', ': ', '+ ', '| ', 'or ', 'and ')
            if rest.startswith(operators) and not prev.endswith((' case', 'case')):
                cands.append((i, 'op', depth))
            elif prev.endswith(' =>'):
                cands.append((i, 'arrow', depth))
            elif prev.endswith(' ='):
                cands.append((i, 'assign', depth))
            elif rest.startswith('.') or rest.startswith('?.'):
                cands.append((i, 'dot', depth))
        i += 1
    return cands, None


RANK = {'stmt': -1, 'arrow': 0, 'assign': 2.5, 'op': 1, 'comma': 2, 'open': 3, 'dot': 4}


def first_block(s):
    """(open, close) of the first '{' at depth 0 when its '}' is the line's last character, else None."""
    depth = 0
    i = 0
    n = len(s)
    opened = None
    while i < n:
        c = s[i]
        if c == '/' and i + 1 < n and s[i + 1] in '/*':
            return None
        if c == '"' or c == "'" or (c in '$@' and i + 1 < n and s[i + 1] in '"$@'):
            j = scan_string(s, i)
            if j < 0:
                return None
            i = j
            continue
        if c in '([':
            depth += 1
        elif c in ')]':
            depth -= 1
        elif c == '{':
            if depth == 0 and opened is None:
                opened = i
            depth += 1
        elif c == '}':
            depth -= 1
            if depth == 0 and opened is not None:
                return (opened, i) if i == len(s.rstrip()) - 1 else None
        i += 1
    return None


def statements(body):
    """Splits a block body at top-level '; ' (outside strings, parentheses and braces)."""
    parts = []
    depth = 0
    i = start = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c == '"' or c == "'" or (c in '$@' and i + 1 < n and body[i + 1] in '"$@'):
            j = scan_string(body, i)
            if j < 0:
                return [body]
            i = j
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
        elif c == ';' and depth == 0 and i + 1 < n and body[i + 1] == ' ':
            parts.append(body[start:i + 1].strip())
            start = i + 1
        i += 1
    parts.append(body[start:].strip())
    return [p for p in parts if p]


BLOCK_HEAD = re.compile(r'^(?:try|finally|else|do|catch\b.*\)|(?:else )?if \(.*\)|foreach \(.*\)|while \(.*\)'
                        r'|for \(.*\)|using \(.*\)|lock \(.*\)|(?:(?:public|private|internal|protected|static|'
                        r'override|sealed|async|unsafe|readonly|virtual|abstract) )+[^=]*\))$')


def pick(line, cands, base, mind, min_head):
    best = None
    for pos, kind, d in cands:
        if kind.startswith('str:'):
            continue
        head = line[:pos].rstrip()
        tail = line[pos:].lstrip(' ')
        if len(head) > MAX or len(head) <= base + 12 or not tail:
            continue
        if kind not in ('stmt', 'arrow') and len(head) < min_head:
            continue
        if tail.startswith((')', ']', ';')):
            continue
        rank = RANK[kind]
        if kind == 'comma' and d > 0:
            rank = 0.5
        if kind == 'arrow' and d > 0:
            rank = 0.7
        if kind == 'op' and tail.startswith(': '):
            rank = 1.2
        key = (d - mind + (1 if kind == 'assign' else 0), rank, -pos)
        if best is None or key < best[0]:
            best = (key, head, tail)
    return best


def wrap_code(line, indent_extra=4):
    if len(line) <= MAX:
        return [line]
    stripped = line.lstrip(' ')
    if stripped.startswith('#'):
        return [line]
    base = len(line) - len(stripped)
    res = code_tokens(line)
    if res is None:
        return [line]
    cands, comment = res
    if comment is not None:
        code = line[:comment].rstrip()
        if code.strip():
            return [' ' * base + line[comment:]] + wrap_code(code)
        return [line]
    block = first_block(line)
    if block is not None:
        head = line[base:block[0]].rstrip()
        body = line[block[0] + 1:block[1]].strip()
        if BLOCK_HEAD.match(head) and 'new ' not in head and body:
            inner = []
            for statement in statements(body):
                inner += wrap_code(' ' * (base + 4) + statement)
            return wrap_code(' ' * base + head) + [' ' * base + '{'] + inner + [' ' * base + '}']
    cont = ' ' * (base + indent_extra)
    mind = min((d for _, _, d in cands), default=0)
    best = pick(line, cands, base, mind, 60) or pick(line, cands, base, mind, 0)
    if best is None:
        for pos, kind, d in sorted(cands, key=lambda c: (not line[:c[0]].endswith('\\n'), -c[0])):
            if not kind.startswith('str:'):
                continue
            head = line[:pos] + '"'
            tail = '+ ' + kind[4:] + '"' + line[pos:]
            if len(head) <= MAX and len(head) > base + 12:
                best = (None, head, tail)
                break
    if best is None:
        return [line]
    _, head, tail = best
    return [head] + wrap_code(cont + tail, 0)


def wrap_text(prefix, text, first_prefix=None):
    """Greedy wrap of text after prefix; does not break inside <...> tags."""
    tokens = []
    cur = ''
    inside = False
    for ch in text:
        if ch == '<':
            inside = True
        elif ch == '>':
            inside = False
        if ch == ' ' and not inside:
            if cur:
                tokens.append(cur)
            cur = ''
        else:
            cur += ch
    if cur:
        tokens.append(cur)
    lines = []
    cur = ''
    fp = first_prefix if first_prefix is not None else prefix
    for t in tokens:
        p = fp if not lines else prefix
        cand = (cur + ' ' + t) if cur else t
        if cur and len(p) + len(cand) > MAX:
            lines.append(p + cur)
            cur = t
        else:
            cur = cand
    if cur:
        lines.append((fp if not lines else prefix) + cur)
    return lines


COMMENT = re.compile(r'^( *)(///?) ?(.*)$')


def is_paragraph_text(body):
    b = body.strip()
    if not b:
        return False
    if b.startswith('<') and not b.startswith(('<see', '<c>', '<paramref', '<typeparamref', '<b>', '<i>')):
        return False
    if b.startswith(('- ', '* ', '|')) or re.match(r'^\d+\.', b):
        return False
    return True


def process(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    out = []
    i = 0
    in_raw = False
    changed = False
    while i < len(lines):
        line = lines[i]
        if line.count('"""') % 2 == 1:
            in_raw = not in_raw
            out.append(line)
            i += 1
            continue
        if in_raw or len(line) <= MAX:
            out.append(line)
            i += 1
            continue
        m = COMMENT.match(line)
        if m:
            indent, slashes, body = m.groups()
            prefix = indent + slashes + ' '
            sm = re.match(r'^<summary>(.*)</summary>$', body)
            if slashes == '///' and sm:
                out.append(prefix + '<summary>')
                out.extend(wrap_text(prefix, sm.group(1)))
                out.append(prefix + '</summary>')
                i += 1
                changed = True
                continue
            # Gather the paragraph: this line and following comment lines of plain text at the same indent.
            lead = re.match(r'^(<(?:param|typeparam|returns|summary|remarks|exception)[^>]*>|- |\* )?', body).group(0)
            para = [body]
            j = i + 1
            while j < len(lines):
                m2 = COMMENT.match(lines[j])
                if not m2 or m2.group(1) != indent or m2.group(2) != slashes or not is_paragraph_text(m2.group(3)):
                    break
                if '"""' in lines[j]:
                    break
                para.append(m2.group(3))
                j += 1
            text = ' '.join(p.strip() for p in para)
            hang = prefix + (' ' * len(lead) if lead in ('- ', '* ') else '')
            out.extend(wrap_text(hang, text, first_prefix=prefix))
            i = j
            changed = True
            continue
        new = wrap_code(line)
        if new != [line]:
            changed = True
        out.extend(new)
        i += 1
    if changed:
        open(path, 'w', encoding='utf-8').write('\n'.join(out))


for p in sys.argv[1:]:
    process(p)
