import { createContext, type ReactNode, useContext } from 'react';
import type { FileCommands } from './commands';

const FileCommandsContext = createContext<FileCommands | null>(null);

/** The file commands (open, save, export, link media…) for the panels that offer them. */
export function FileCommandsProvider({ commands, children }: { commands: FileCommands; children: ReactNode }) {
  return <FileCommandsContext.Provider value={commands}>{children}</FileCommandsContext.Provider>;
}

export function useFileCommands(): FileCommands {
  const commands = useContext(FileCommandsContext);
  if (!commands) throw new Error('useFileCommands outside FileCommandsProvider');
  return commands;
}
