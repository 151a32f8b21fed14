import { render } from 'preact';

function App() {
  return <main><h1>An sinh</h1><p>Đang khởi tạo…</p></main>;
}

render(<App />, document.getElementById('app')!);
