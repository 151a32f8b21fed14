// Nộp hồ sơ trực tuyến (/ho-so/nop): the public application form of src/pages/Applications.tsx.
export { Apply as default } from './Applications.tsx';
