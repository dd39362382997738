import { Icon } from '../../ui/icons';

/** A waveform with a clock hand: timing from the audio. Decorative, like the other toolbar icons. */
export const AutotimeIcon = () => (
  <Icon>
    <path d="M2 12h2M6 8v8M10 5v14M14 9v6" />
    <circle cx="18.5" cy="16.5" r="4.5" />
    <path d="M18.5 14.5v2l1.5 1" />
  </Icon>
);
