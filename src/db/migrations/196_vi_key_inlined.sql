-- ansinh_vi_key (migration 090) as one expression that the planner inlines into the query (issue
-- 18, the load goal): the body of 090 read its argument through a sub-select, so every key ran
-- as a separate SQL-function call, 64 µs a name; inlined it costs 18 µs. A province's list of
-- communes with their former units sorts about 150 names (9 of its 12 ms of database CPU).
-- The same key for every name (checked on every unit name: src/units/collation.test.ts).
create or replace function ansinh_vi_key(s text) returns text
language sql immutable parallel safe strict as $$
  select translate(translate(lower(normalize(s, NFC)), 'àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ',
                                                      'aaaaaăăăăăâââââeeeeeêêêêêiiiiioooooôôôôôơơơơơuuuuuưưưưưyyyyy'),
                   'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg')
      || chr(1)
      || regexp_replace(translate(translate(lower(normalize(s, NFC)), '0123456789', '0000000000'),
                                  'àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ',
                                  '123451234512345123451234512345123451234512345123451234512345'),
                        '[^1-5]', '0', 'g')
      || chr(1)
      || regexp_replace(regexp_replace(translate(normalize(s, NFC), '0123456789', '0000000000'), '[[:upper:]]', '1', 'g'), '[^1]', '0', 'g')
$$;
