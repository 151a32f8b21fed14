// From problem+json (RFC 9457, DESIGN "Errors and bad input": field paths and a Vietnamese
// message) to the GOV.UK error summary: every field in error gets a link to its field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorFor, isProblem, problemToFormErrors } from '../../web/src/lib/problems.ts';

const fields = { username: 'username', password: 'password', newPassword: 'new-password' };

test('field errors link to their fields, whatever the path style, and every error is kept', () => {
  const errors = problemToFormErrors(
    {
      title: 'Dữ liệu không hợp lệ',
      status: 400,
      errors: [
        { path: '/body/username', message: 'Nhập tên đăng nhập' },
        { path: 'body.newPassword', message: 'Mật khẩu mới phải có ít nhất 10 ký tự' },
        { path: '/roles/0/unitCode', message: 'Mã đơn vị không tồn tại' },
      ],
    },
    fields,
  );
  assert.deepEqual(errors, [
    { field: 'username', message: 'Nhập tên đăng nhập' },
    { field: 'new-password', message: 'Mật khẩu mới phải có ít nhất 10 ký tự' },
    { field: null, message: 'Mã đơn vị không tồn tại' },
  ]);
  assert.equal(errorFor(errors, 'new-password'), 'Mật khẩu mới phải có ít nhất 10 ký tự');
  assert.equal(errorFor(errors, 'password'), undefined);
});

test('a problem without field errors becomes one message: the detail, else the title', () => {
  assert.deepEqual(problemToFormErrors({ title: 'Cần đăng nhập', status: 401, detail: 'Tên đăng nhập hoặc mật khẩu không đúng' }, fields, 'password'), [
    { field: 'password', message: 'Tên đăng nhập hoặc mật khẩu không đúng' },
  ]);
  assert.deepEqual(problemToFormErrors({ title: 'Quá nhiều yêu cầu, vui lòng thử lại sau', status: 429 }, fields), [
    { field: null, message: 'Quá nhiều yêu cầu, vui lòng thử lại sau' },
  ]);
});

test('only objects with a title and a status are problems', () => {
  assert.equal(isProblem({ title: 'Không tìm thấy', status: 404 }), true);
  assert.equal(isProblem({ message: 'Not Found', statusCode: 404 }), false);
  assert.equal(isProblem(null), false);
});
