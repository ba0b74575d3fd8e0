// `import path from '../../resources/file.png?asset'`: electron-vite gives the file's path from the built main.
/// <reference types="electron-vite/node" />
