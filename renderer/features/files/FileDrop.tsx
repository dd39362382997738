import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notices } from '../../state/notices';
import { useFileCommands } from './context';
import { type DroppedFile, planDrop } from './drop';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/** Where the host says a dropped file lives: Electron's preload knows; a browser never tells. */
function droppedFile(file: File): DroppedFile {
  const path = window.zimu?.pathForFile?.(file) || null;
  return { name: file.name, path };
}

/**
 * Files dropped anywhere on the window: a subtitle file or project opens, audio or video links to
 * the document (or starts a project for it). Where the host cannot tell a dropped file's path (the
 * browser host), the picker opens to find it. Shows a hint over the window while files hover.
 */
export function FileDrop() {
  const { t } = useTranslation();
  const commands = useFileCommands();
  const [hovering, setHovering] = useState(false);

  useEffect(() => {
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setHovering(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setHovering(false);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the drop would navigate the window to the file.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setHovering(false);
      const files = [...(event.dataTransfer?.files ?? [])].map(droppedFile);
      void openDropped(files);
    };
    const openDropped = async (files: DroppedFile[]) => {
      const plan = planDrop(files);
      const { document, media } = plan;
      // Named only when the drop does nothing else: a notice about what did happen matters more.
      const [ignored] = plan.unknown;
      if (ignored && !document && !media)
        notices.info((tr) => tr('notices.dropUnknown', { name: ignored.name }), 'warning');
      if (document) {
        if (document.path) await commands.openPath(document.path);
        else {
          notices.info((tr) => tr('notices.dropPick', { name: document.name }), 'warning');
          await commands.open();
        }
      }
      if (media) {
        if (media.path) await commands.linkMediaPath(media.path);
        else if (!document) {
          notices.info((tr) => tr('notices.dropPick', { name: media.name }), 'warning');
          await commands.linkMedia();
        }
      }
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [commands]);

  if (!hovering) return null;
  return (
    <div className="file-drop" data-testid="file-drop" aria-hidden="true">
      <p>{t('app.dropHint')}</p>
    </div>
  );
}
