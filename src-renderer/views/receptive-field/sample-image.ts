/**
 * The built-in sample input, drawn in code (no binary asset): a checkerboard of 16-pixel
 * squares under a colour gradient, with a bright disc and a dark diagonal bar, so the edges
 * and corners a receptive field covers are easy to see at any input size.
 */
export function createSampleImage(size = 192): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) return canvas;
  const gradient = context.createLinearGradient(0, 0, size, size);
  gradient.addColorStop(0, '#2b6cb0');
  gradient.addColorStop(0.5, '#38a169');
  gradient.addColorStop(1, '#dd6b20');
  context.fillStyle = gradient;
  context.fillRect(0, 0, size, size);
  const square = size / 12;
  context.fillStyle = 'rgba(255, 255, 255, 0.35)';
  for (let row = 0; row < 12; row++) for (let column = 0; column < 12; column++) if ((row + column) % 2 === 0) context.fillRect(column * square, row * square, square, square);
  context.fillStyle = '#fefcbf';
  context.beginPath();
  context.arc(size * 0.62, size * 0.36, size * 0.16, 0, 2 * Math.PI);
  context.fill();
  context.strokeStyle = '#1a202c';
  context.lineWidth = size / 24;
  context.beginPath();
  context.moveTo(size * 0.1, size * 0.9);
  context.lineTo(size * 0.55, size * 0.45);
  context.stroke();
  return canvas;
}

/** A PNG or JPEG, by MIME type or (when the type is missing) by extension. */
export function isPngOrJpeg(file: { name: string; type: string }): boolean {
  return /^image\/(png|jpeg)$/.test(file.type) || (file.type === '' && /\.(png|jpe?g)$/i.test(file.name));
}
