-- Vietnamese order for names (issue 15 item 5), the same on PGlite and on any PostgreSQL server
-- whatever its locale: the embedded database has no ICU collations and a server's may be C.
-- ansinh_vi_key(name) is a text whose byte order ("C") is the order of ICU's Vietnamese
-- collation (Intl.Collator('vi'), the test's oracle):
--   primary:   letters of the Vietnamese alphabet a ă â b c d đ e ê ... o ô ơ ... u ư ... y, with
--              foreign f j w z in their Latin place, tones removed, case folded;
--   secondary: the tone of each letter: none < huyền < hỏi < ngã < sắc < nặng;
--   tertiary:  lower case before upper case.
-- Sort with: order by ansinh_vi_key(x) collate "C".
create or replace function ansinh_vi_key(s text) returns text
language sql immutable parallel safe strict as $$
  select translate(translate(l, 'àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ',
                                'aaaaaăăăăăâââââeeeeeêêêêêiiiiioooooôôôôôơơơơơuuuuuưưưưưyyyyy'),
                   'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg')
      || chr(1)
      || regexp_replace(translate(translate(l, '0123456789', '0000000000'),
                                  'àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ',
                                  '123451234512345123451234512345123451234512345123451234512345'),
                        '[^1-5]', '0', 'g')
      || chr(1)
      || regexp_replace(regexp_replace(translate(n, '0123456789', '0000000000'), '[[:upper:]]', '1', 'g'), '[^1]', '0', 'g')
  from (select normalize(s, NFC) as n, lower(normalize(s, NFC)) as l) x
$$;
