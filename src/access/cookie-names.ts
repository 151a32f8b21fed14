// The names of the session cookies, shared with the web app (which reads only the CSRF cookie:
// without it nobody is signed in in this browser, so it does not ask the server).
export const SESSION_COOKIE = 'ansinh_session';
export const CSRF_COOKIE = 'ansinh_csrf';
